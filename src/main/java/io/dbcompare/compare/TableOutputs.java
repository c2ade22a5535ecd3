package io.dbcompare.compare;

import java.util.List;

/**
 * What finishing a table wrote, recorded in the session with the table.
 *
 * @param syncScript the sync script (null when the table has no differences)
 * @param undoScript its undo script (null without differences or with sync.undo off)
 * @param scripts every script file written (whole scripts, masters and parts) with its SHA-256
 * @param catalogTargetSchema the target table as its catalog spells it (foreign keys name it so)
 */
public record TableOutputs(String syncScript, String undoScript, List<ScriptRecord> scripts, String summaryFile,
    String catalogTargetSchema, String catalogTargetTable) {

  public TableOutputs {
    scripts = List.copyOf(scripts);
  }
}
