package io.dbcompare.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A suite run against a {@link DatabasePair} that each concrete class chooses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractPairSuite {
  private DatabasePair databases;

  /** The databases of this class, created once. */
  protected abstract DatabasePair createDatabases() throws Exception;

  @BeforeAll
  final void openDatabases() throws Exception {
    databases = createDatabases();
  }

  @BeforeEach
  final void emptyDatabases(@TempDir Path folder) throws Exception {
    databases.reset(folder);
  }

  @AfterAll
  final void closeDatabases() throws Exception {
    if (databases != null) {
      databases.close();
    }
  }

  protected TestDb source() {
    return databases.source();
  }

  protected TestDb target() {
    return databases.target();
  }
}
