package io.dbcompare.compare;

/**
 * A script file written for a table or the session, as the session records it: enough to find it
 * again and to check, before it runs, that it is the file that was generated and reviewed.
 *
 * @param kind {@code sync} or {@code undo}
 * @param phase for a part: the phase it holds ({@code delete}, {@code update}, {@code insert}); null for
 *     a whole script or master
 * @param part for a part: its number; 0 for a whole script or master
 * @param sha256 SHA-256 of the file's bytes, hex
 */
public record ScriptRecord(String kind, String phase, int part, String path, String sha256, long statements) {}
