package io.dbcompare.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dbcompare.compare.KeyColumnOrder.Rendering;
import io.dbcompare.compare.KeyOrders.SideText;
import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** One order for a text key column from both sides, or a one-line refusal naming it (issue 9, item 2). */
class KeyOrdersTest {
  static final SideText ORACLE_VARCHAR2 = SideText.of(TextOrder.CODE_POINT, "Oracle VARCHAR2 in AL32UTF8");
  static final SideText ORACLE_NVARCHAR2 = SideText.of(TextOrder.UTF16, "Oracle NVARCHAR2 in AL16UTF16");
  static final SideText POSTGRES = SideText.of(TextOrder.CODE_POINT, "PostgreSQL varchar in UTF8");
  static final SideText H2 = new SideText(TextOrder.UTF16, "H2 CHARACTER VARYING", false, true);
  static final SideText WE8 = SideText.of(TextOrder.bytes("windows-1252"), "Oracle VARCHAR2 in WE8MSWIN1252");

  @Test
  void equalOrdersNeedNothing() {
    assertEquals(new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.PLAIN, Rendering.PLAIN),
        KeyOrders.choose("HR.T", "K", ORACLE_VARCHAR2, POSTGRES));
    assertEquals(new KeyColumnOrder(TextOrder.UTF16, Rendering.PLAIN, Rendering.PLAIN),
        KeyOrders.choose("HR.T", "K", ORACLE_NVARCHAR2, ORACLE_NVARCHAR2));
    assertEquals(new KeyColumnOrder(TextOrder.UTF16, Rendering.PLAIN, Rendering.PLAIN),
        KeyOrders.choose("HR.T", "K", H2, ORACLE_NVARCHAR2), "H2 sorts like AL16UTF16");
  }

  @Test
  void aDeclaredNonBinaryCollationIsOrderedWithCollateBinary() {
    SideText ci = new SideText(TextOrder.CODE_POINT, "Oracle VARCHAR2 in AL32UTF8 with collation BINARY_CI", true, false);
    assertEquals(new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.BINARY_COLLATION, Rendering.PLAIN),
        KeyOrders.choose("HR.T", "K", ci, POSTGRES));
    assertEquals(new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.PLAIN, Rendering.BINARY_COLLATION),
        KeyOrders.choose("HR.T", "K", ORACLE_VARCHAR2, ci));
  }

  @Test
  void h2FollowsACodePointSideWithItsUtf8Bytes() {
    assertEquals(new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.UTF8_BYTES, Rendering.PLAIN),
        KeyOrders.choose("HR.T", "K", H2, POSTGRES));
    assertEquals(new KeyColumnOrder(TextOrder.CODE_POINT, Rendering.PLAIN, Rendering.UTF8_BYTES),
        KeyOrders.choose("HR.T", "K", ORACLE_VARCHAR2, H2));
  }

  @Test
  void sidesThatCannotAgreeAreRefusedNamingTheColumn() {
    CompareException e = assertThrows(CompareException.class,
        () -> KeyOrders.choose("HR.CUSTOMERS", "NAME", ORACLE_NVARCHAR2, POSTGRES));
    assertEquals(ErrorCode.TABLE_FAILED, e.code());
    assertTrue(e.getMessage().startsWith("HR.CUSTOMERS: key column NAME sorts in different binary orders"), e.getMessage());
    assertTrue(e.getMessage().contains("Oracle NVARCHAR2 in AL16UTF16: UTF-16 code units"), e.getMessage());
    assertTrue(e.getMessage().contains("PostgreSQL varchar in UTF8: UTF-8 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("primary_key"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");

    assertThrows(CompareException.class, () -> KeyOrders.choose("HR.T", "K", WE8, ORACLE_VARCHAR2));
    assertThrows(CompareException.class, () -> KeyOrders.choose("HR.T", "K", WE8, H2), "H2 offers code points only");
  }

  @Test
  void anUnknownCharacterSetIsRefused() {
    SideText unknown = SideText.of(null, "Oracle VARCHAR2 in JA16SJIS");
    CompareException e = assertThrows(CompareException.class, () -> KeyOrders.choose("HR.T", "K", ORACLE_VARCHAR2, unknown));
    assertTrue(e.getMessage().contains("key column K (Oracle VARCHAR2 in JA16SJIS)"), e.getMessage());
  }
}
