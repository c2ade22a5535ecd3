package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each binary text order a database can have, on the characters where they disagree (issue 9, item 2). */
class TextOrderTest {
  private static final String GRINNING = "\uD83D\uDE00"; // U+1F600, a supplementary character
  private static final String FULLWIDTH_A = "\uFF21";

  @Test
  void utf8BytesPutASupplementaryCharacterAfterFullwidthA() {
    assertTrue(TextOrder.CODE_POINT.compare(GRINNING, FULLWIDTH_A) > 0);
    assertTrue(TextOrder.CODE_POINT.compare("a" + FULLWIDTH_A, "a" + GRINNING) < 0);
  }

  /** NVARCHAR2 in AL16UTF16 (and H2): the surrogate D83D sorts before FF21. */
  @Test
  void utf16UnitsPutASupplementaryCharacterBeforeFullwidthA() {
    assertTrue(TextOrder.UTF16.compare(GRINNING, FULLWIDTH_A) < 0);
    assertTrue(TextOrder.UTF16.compare("a" + FULLWIDTH_A, "a" + GRINNING) > 0);
    assertEquals(Integer.signum("abc".compareTo("abd")), Integer.signum(TextOrder.UTF16.compare("abc", "abd")));
  }

  /** WE8MSWIN1252: the euro sign is 0x80, e-acute 0xE9; by code point U+20AC > U+00E9. */
  @Test
  void windows1252BytesPutTheEuroSignBeforeEAcute() {
    TextOrder cp1252 = TextOrder.bytes("windows-1252");
    assertTrue(cp1252.compare("\u20ac", "\u00e9") < 0);
    assertTrue(TextOrder.CODE_POINT.compare("\u20ac", "\u00e9") > 0);
    assertTrue(cp1252.compare("x\u20ac", "x\u00e9z") < 0);
    assertTrue(cp1252.compare("Z", "a") < 0, "binary: upper case first");
    assertEquals(0, cp1252.compare("caf\u00e9", "caf\u00e9"));
  }

  /** A character the charset cannot hold has no known place in its byte order: fail, never guess. */
  @Test
  void aValueTheCharsetCannotEncodeFails() {
    TextOrder cp1252 = TextOrder.bytes("windows-1252");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cp1252.compare(GRINNING, "a"));
    assertTrue(e.getMessage().contains("windows-1252"), e.getMessage());
  }

  @Test
  void ordersAreValues() {
    assertEquals(TextOrder.bytes("windows-1252"), TextOrder.bytes("Cp1252"));
    assertNotEquals(TextOrder.bytes("windows-1252"), TextOrder.bytes("ISO-8859-1"));
    assertNotEquals(TextOrder.CODE_POINT, TextOrder.UTF16);
  }

  /** The key order of a table uses each column's text order; composite keys left to right. */
  @Test
  void keyOrderUsesEachColumnsTextOrder() {
    KeyOrder utf16 = new KeyOrder(List.of(ValueKind.TEXT, ValueKind.TEXT), List.of(TextOrder.UTF16, TextOrder.CODE_POINT));
    List<Object[]> keys = new ArrayList<>(List.of(new Object[] {FULLWIDTH_A, GRINNING}, new Object[] {FULLWIDTH_A, FULLWIDTH_A},
        new Object[] {GRINNING, "b"}));
    keys.sort(utf16);
    assertEquals(List.of(GRINNING + "b", FULLWIDTH_A + FULLWIDTH_A, FULLWIDTH_A + GRINNING),
        keys.stream().map(k -> k[0] + "" + k[1]).toList());
    assertThrows(IllegalArgumentException.class, () -> new KeyOrder(List.of(ValueKind.TEXT), List.of()));
  }
}
