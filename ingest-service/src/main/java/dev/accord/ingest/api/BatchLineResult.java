package dev.accord.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accord.common.web.Problem;
import dev.accord.ingest.intake.IngestResult;

/** The outcome of one line of a batch: the status it would have had alone, and its result or problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLineResult(int line, int status, IngestResult result, Problem problem) {
}
