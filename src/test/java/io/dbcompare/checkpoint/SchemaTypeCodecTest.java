package io.dbcompare.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.compare.Canonical;
import io.dbcompare.compare.Interval;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values added with issue 11 are checkpointed exactly, and bytes of files written before read as before. */
class SchemaTypeCodecTest {

  private static Object roundTrip(Object v) {
    Output out = new Output(256, -1);
    ValueCodec.write(out, v);
    return ValueCodec.read(new Input(out.toBytes()));
  }

  @Test
  void newValuesRoundTripExactly() {
    List<Object> values = List.of(SpecialNumber.NAN, SpecialNumber.INFINITY, SpecialNumber.NEGATIVE_INFINITY,
        new Interval(14, -3, new BigDecimal("129600.5")), new Interval(-12_000_000_000L, 999_999_999,
            new BigDecimal("-86399.999999999")), new Interval(0, 0, BigDecimal.ZERO),
        LocalDateTime.MAX, LocalDateTime.MIN, OffsetDateTime.MAX, OffsetDateTime.MIN);
    for (Object v : values) {
      Object back = roundTrip(v);
      assertEquals(v, back, String.valueOf(v));
      ValueKind kind = ValueCodec.kindOf(v);
      assertEquals(Canonical.text(kind, v), Canonical.text(kind, back));
    }
    assertEquals(ValueKind.NUMBER, ValueCodec.kindOf(SpecialNumber.NAN));
    assertEquals(ValueKind.INTERVAL, ValueCodec.kindOf(new Interval(0, 0, BigDecimal.ONE)));
  }

  /** A number written before issue 11 (tag, unscaled bytes, scale) reads as it did. */
  @Test
  void numbersOfEarlierFilesReadAsBefore() {
    byte[] written = {'N', 1, 15, 4}; // 0.15: one byte, unscaled 15, scale 2 (zig-zag varint 4)
    assertEquals(new BigDecimal("0.15"), ValueCodec.read(new Input(written)));
  }

  @Test
  void anUnknownSpecialNumberIsRefused() {
    Output out = new Output(32, -1);
    out.writeByte('n');
    out.writeString("ZERO");
    assertThrows(KryoException.class, () -> ValueCodec.read(new Input(out.toBytes())));
  }
}
