package io.dbcompare.config;

import io.dbcompare.error.CompareException;
import io.dbcompare.error.ErrorCode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registered {@link PlatformRules}, one per {@link Platform}. A platform without rules on the class
 * path, or with two, is an error when it is asked for: never a silent default.
 */
public final class Platforms {
  /** The scheme part of a JDBC URL, the only part of an unsupported URL that is shown. */
  private static final Pattern SCHEME = Pattern.compile("(?i)jdbc:[a-z0-9_.\\-]{0,30}:?");
  private static final Map<Platform, PlatformRules> RULES = new EnumMap<>(Platform.class);
  /** Platforms registered twice: asking for one of them is an error (thrown there, not in a class initialiser). */
  private static final Map<Platform, String> DUPLICATES = new EnumMap<>(Platform.class);

  static {
    for (PlatformRules r : ServiceLoader.load(PlatformRules.class, PlatformRules.class.getClassLoader())) {
      PlatformRules before = RULES.put(r.platform(), r);
      if (before != null) {
        DUPLICATES.put(r.platform(), before.getClass().getName() + " and " + r.getClass().getName());
      }
    }
  }

  private Platforms() {}

  /** The rules of a platform. */
  public static PlatformRules of(Platform p) {
    if (DUPLICATES.containsKey(p)) {
      throw new CompareException(ErrorCode.INTERNAL, "two implementations of platform " + p + ": " + DUPLICATES.get(p));
    }
    PlatformRules r = RULES.get(p);
    if (r == null) {
      throw new CompareException(ErrorCode.INTERNAL, "no support for platform " + p + " is on the class path"
          + " (META-INF/services/" + PlatformRules.class.getName() + ")");
    }
    return r;
  }

  /** The rules of every platform, in the order of {@link Platform}. */
  public static List<PlatformRules> all() {
    return Arrays.stream(Platform.values()).map(Platforms::of).toList();
  }

  /** The platform of a JDBC URL; an unknown one is a configuration error listing the supported ones. */
  public static Platform fromUrl(String url, String where) {
    for (PlatformRules r : all()) {
      if (r.handlesJdbcUrl(url)) {
        return r.platform();
      }
    }
    // Only the scheme is shown: the rest of an unrecognised URL may hold credentials in a form
    // Secrets.maskUrl does not know (e.g. a misspelt jdbc:oracel:thin:user/password@...).
    Matcher scheme = SCHEME.matcher(url.strip());
    String shown = scheme.lookingAt()
        ? "unsupported JDBC URL '" + scheme.group() + "...'"
        : "the URL does not start with 'jdbc:'";
    throw CompareException.config(where + ": " + shown + "; supported URLs start with "
        + all().stream().map(PlatformRules::urlPrefix).collect(Collectors.joining(", ")));
  }

  /**
   * The one platform whose configuration may give host, port and service name instead of a URL (the
   * configuration keys name no platform, so there must be exactly one).
   */
  public static PlatformRules withAddressForm() {
    List<PlatformRules> found = all().stream()
        .filter(r -> r.urlFromAddress("h", 1, "s", false).isPresent()).toList();
    if (found.size() != 1) {
      throw new CompareException(ErrorCode.INTERNAL, "host/port/service_name must build the URL of exactly one"
          + " platform, not of " + found.stream().map(r -> r.platform().name()).toList());
    }
    return found.get(0);
  }
}
