package org.compliancerunner.web;

/**
 * One event of a progress stream.
 *
 * @param stage    what is happening now: a job's running step (claim, analyze, report, rejudge) or a video's status;
 *                 the final event names the outcome (COMPLETED, FAILED, STOPPED, DONE, ...)
 * @param progress how far along, from 0 to 1
 * @param finished whether this is the last event of the stream
 */
public record Progress(String stage, double progress, boolean finished) {
}
