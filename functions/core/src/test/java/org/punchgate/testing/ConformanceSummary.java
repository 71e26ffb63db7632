package org.punchgate.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once per test run, in one line, how many conformance tests and checks were skipped because the shared
 * sample documents are not next to the checkout (a fresh clone has none), and how to point at them. Each
 * skipped test would otherwise only add to surefire's skipped count, without a reason on the console.
 * Registered through {@code META-INF/services}; every module that uses the core test-jar gets it.
 */
public final class ConformanceSummary implements TestExecutionListener {

  /** The word every conformance assumption's message carries. */
  public static final String MARKER = "conformance";
  public static final String PROPERTY = "punchgate.conformance.dir";

  private static final AtomicInteger SKIPPED_CHECKS = new AtomicInteger();
  private final AtomicInteger skippedTests = new AtomicInteger();

  /** A check inside a test that was left out (the test itself ran). */
  public static void checkSkipped() {
    SKIPPED_CHECKS.incrementAndGet();
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED
        && result.getThrowable().map(Throwable::getMessage).orElse("").contains(MARKER)) {
      skippedTests.incrementAndGet();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    int tests = skippedTests.getAndSet(0);
    int checks = SKIPPED_CHECKS.getAndSet(0);
    if (tests + checks > 0) {
      System.out.println("[conformance] samples not found at " + System.getProperty(PROPERTY, "(unset)") + ": "
          + tests + " conformance tests skipped, " + checks + " DTD checks left out; -D" + PROPERTY
          + "=<folder with cxml/, oci/, ...> runs them");
    }
  }
}
