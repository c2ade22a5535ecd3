package io.dbcompare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the build (filtered into version.properties). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/io/dbcompare/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"table-compare " + p.getProperty("version", "unknown")};
  }
}
