package io.dbcompare.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dbcompare.compare.ArrayValue;
import io.dbcompare.compare.SpecialNumber;
import io.dbcompare.compare.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrays are checkpointed exactly: element kind, dimensions, lower bounds, NULL elements, element scale. */
class ArrayCodecTest {

  private static Object roundTrip(Object v) {
    Output out = new Output(256, -1);
    ValueCodec.write(out, v);
    return ValueCodec.read(new Input(out.toBytes()));
  }

  @Test
  void arraysRoundTripExactly() {
    List<ArrayValue> values = List.of(
        ArrayValue.of(ValueKind.NUMBER, List.of()),
        ArrayValue.of(ValueKind.NUMBER, Arrays.asList(new BigDecimal("1.00"), null, SpecialNumber.NAN)),
        new ArrayValue(ValueKind.TEXT, new int[] {0, -3}, new int[] {2, 1}, Arrays.asList("a\"b", null)),
        ArrayValue.of(ValueKind.BYTES, List.of(new byte[] {1, (byte) 0xff}, new byte[0])),
        ArrayValue.of(ValueKind.DATETIME, List.of(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 123_456_789), LocalDateTime.MAX)),
        ArrayValue.of(ValueKind.DATETIME_TZ, List.of(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHours(5)))),
        ArrayValue.of(ValueKind.BOOLEAN, Arrays.asList(true, null, false)));
    for (ArrayValue v : values) {
      ArrayValue back = (ArrayValue) roundTrip(v);
      assertEquals(v.text(), back.text());
      assertEquals(v, back);
      assertEquals(v.elementKind(), back.elementKind());
      assertEquals(ValueKind.ARRAY, ValueCodec.kindOf(back));
    }
    // the scale of a numeric element is kept (1.00 is written back as 1.00, not 1)
    ArrayValue n = (ArrayValue) roundTrip(ArrayValue.of(ValueKind.NUMBER, List.of(new BigDecimal("1.00"))));
    assertEquals(new BigDecimal("1.00"), n.elements().get(0));
  }

  @Test
  void anArrayHoldingAnotherKindIsRefused() {
    Output out = new Output(64, -1);
    out.writeByte('A');
    out.writeByte('N');
    out.writeVarInt(1, true);
    out.writeVarInt(1, false);
    out.writeVarInt(1, true);
    ValueCodec.write(out, "text in a number array");
    assertThrows(KryoException.class, () -> ValueCodec.read(new Input(out.toBytes())));
  }
}
