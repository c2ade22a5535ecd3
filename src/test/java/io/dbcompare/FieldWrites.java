package io.dbcompare;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a compiled class and lists the fields its code assigns ({@code putfield}, {@code putstatic}),
 * so an architecture rule can say who may change an object's state: source text cannot tell
 * {@code a.status = x} on one type from another, the bytecode names the field's owner.
 */
final class FieldWrites {
  /** An assignment of {@code owner.name} (owner in internal form, {@code io/dbcompare/session/Session}). */
  record Write(String owner, String name) {}

  private FieldWrites() {}

  static List<Write> of(Path classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(classFile)));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException(classFile + ": not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Object[] pool = new Object[count];
    int[][] refs = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // takes two entries
        }
        case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
        case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort(), tag};
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
      }
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    in.readUnsignedShort();
    in.skipBytes(2 * in.readUnsignedShort());
    skipMembers(in);
    List<Write> writes = new ArrayList<>();
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.skipBytes(6);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String name = (String) pool[in.readUnsignedShort()];
        int length = in.readInt();
        byte[] body = in.readNBytes(length);
        if (name.equals("Code")) {
          DataInputStream code = new DataInputStream(new ByteArrayInputStream(body));
          code.skipBytes(4);
          byte[] bytes = code.readNBytes(code.readInt());
          scan(bytes, pool, refs, writes);
        }
      }
    }
    return writes;
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipBytes(6);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.skipBytes(2);
        in.skipBytes(in.readInt());
      }
    }
  }

  private static void scan(byte[] code, Object[] pool, int[][] refs, List<Write> writes) {
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      if (op == 0xB3 || op == 0xB5) { // putstatic, putfield
        int[] field = refs[u2(code, pc + 1)];
        String owner = (String) pool[refs[field[0]][0]];
        String name = (String) pool[refs[field[1]][0]];
        writes.add(new Write(owner, name));
      }
      pc += length(code, pc, op);
    }
  }

  private static int length(byte[] code, int pc, int op) {
    switch (op) {
      case 0xAA -> { // tableswitch
        int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
        int low = s4(code, p + 4);
        int high = s4(code, p + 8);
        return p + 12 + 4 * (high - low + 1) - pc;
      }
      case 0xAB -> { // lookupswitch
        int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
        return p + 8 + 8 * s4(code, p + 4) - pc;
      }
      case 0xC4 -> { // wide
        return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
      }
      default -> {
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3A) || op == 0xA9
            || op == 0xBC) {
          return 2;
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xA8)
            || (op >= 0xB2 && op <= 0xB8) || op == 0xBB || op == 0xBD || op == 0xC0 || op == 0xC1 || op == 0xC6
            || op == 0xC7) {
          return 3;
        }
        if (op == 0xC5) {
          return 4;
        }
        if (op == 0xB9 || op == 0xBA || op == 0xC8 || op == 0xC9) {
          return 5;
        }
        return 1;
      }
    }
  }

  private static int u2(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int s4(byte[] b, int i) {
    return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}
