package io.dbcompare.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void oracleThinUserPassword() {
    assertEquals("jdbc:oracle:thin:scott/****@//h:1521/S", Secrets.maskUrl("jdbc:oracle:thin:scott/tiger@//h:1521/S"));
    assertEquals("jdbc:oracle:thin:scott/****@h:1521:ORCL", Secrets.maskUrl("jdbc:oracle:thin:scott/tiger@h:1521:ORCL"));
    assertEquals("JDBC:ORACLE:THIN:scott/****@//h/S", Secrets.maskUrl("JDBC:ORACLE:THIN:scott/tiger@//h/S"));
  }

  @Test
  void oracleWithoutCredentialsIsUnchanged() {
    assertEquals("jdbc:oracle:thin:@//h:1521/S", Secrets.maskUrl("jdbc:oracle:thin:@//h:1521/S"));
    assertEquals("jdbc:oracle:thin:@h:1521:ORCL", Secrets.maskUrl("jdbc:oracle:thin:@h:1521:ORCL"));
  }

  @Test
  void postgresqlPasswordParameter() {
    assertEquals("jdbc:postgresql://h:5432/db?user=u&password=****",
        Secrets.maskUrl("jdbc:postgresql://h:5432/db?user=u&password=p"));
    assertEquals("jdbc:postgresql://h/db?password=****&user=u&ssl=true",
        Secrets.maskUrl("jdbc:postgresql://h/db?password=s3cr3t&user=u&ssl=true"));
    assertEquals("jdbc:postgresql://h/db?user=u", Secrets.maskUrl("jdbc:postgresql://h/db?user=u"));
  }

  @Test
  void h2PasswordSetting() {
    assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=****", Secrets.maskUrl("jdbc:h2:mem:x;USER=sa;PASSWORD=p"));
    assertEquals("jdbc:h2:tcp://h/~/db;PASSWORD=****;MODE=Oracle",
        Secrets.maskUrl("jdbc:h2:tcp://h/~/db;PASSWORD=pw;MODE=Oracle"));
    assertEquals("jdbc:h2:mem:x;password = ****", Secrets.maskUrl("jdbc:h2:mem:x;password = pw"));
  }

  @Test
  void userInfoInAuthority() {
    assertEquals("jdbc:postgresql://user:****@host:5432/db", Secrets.maskUrl("jdbc:postgresql://user:pass@host:5432/db"));
    assertEquals("jdbc:foo://user:****@host/db", Secrets.maskUrl("jdbc:foo://user:pass@host/db"));
    assertEquals("jdbc:postgresql://host:5432/db", Secrets.maskUrl("jdbc:postgresql://host:5432/db"),
        "a port is not a password");
  }

  @Test
  void nullAndPlainUrls() {
    assertNull(Secrets.maskUrl(null));
    assertEquals("jdbc:h2:mem:plain", Secrets.maskUrl("jdbc:h2:mem:plain"));
  }

  @Test
  void passwordInUrl() {
    assertEquals("tiger", Secrets.passwordInUrl("jdbc:oracle:thin:scott/tiger@//h:1521/S"));
    assertEquals("p", Secrets.passwordInUrl("jdbc:postgresql://h/db?user=u&password=p"));
    assertEquals("p", Secrets.passwordInUrl("jdbc:h2:mem:x;PASSWORD=p"));
    assertEquals("pass", Secrets.passwordInUrl("jdbc:postgresql://user:pass@host/db"));
    assertNull(Secrets.passwordInUrl("jdbc:postgresql://host:5432/db"));
    assertNull(Secrets.passwordInUrl(null));
  }

  @Test
  void scrubReplacesEverySecretOccurrence() {
    assertEquals("login as scott/**** failed; **** rejected; other ****",
        Secrets.scrub("login as scott/tiger failed; tiger rejected; other s3cret", List.of("tiger", "s3cret")));
  }

  @Test
  void scrubIgnoresNullAndEmptySecrets() {
    assertEquals("nothing to hide", Secrets.scrub("nothing to hide", Arrays.asList(null, "")));
    assertEquals("x", Secrets.scrub("x", List.of()));
    assertNull(Secrets.scrub(null, List.of("a")));
  }

  @Test
  void maskIsStars() {
    assertEquals("****", Secrets.MASK);
  }
}
