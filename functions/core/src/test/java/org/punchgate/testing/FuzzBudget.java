package org.punchgate.testing;

import java.time.Duration;

/**
 * The time one fuzz input may take. Hostile input must be answered in bounded time (a number like
 * {@code 1e999999} once kept a core busy for minutes), so an input over the budget is a finding. It is the
 * CPU time of the thread doing the work: a garbage collection or a busy shared machine is not the input's
 * fault, and made wall-clock budgets flaky.
 */
public final class FuzzBudget {

  public static final Duration PER_INPUT = Duration.ofSeconds(1);
  /** The first input of a JVM also pays for loading and initialising the classes it reaches. */
  private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean(true);

  private FuzzBudget() {}

  /** Runs one input's work and fails when it took longer than {@link #PER_INPUT}. */
  public static void within(Runnable work) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    work.run();
    long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    long budget = FIRST.getAndSet(false) ? 10 * PER_INPUT.toMillis() : PER_INPUT.toMillis();
    if (millis > budget) {
      throw new AssertionError("one input took " + millis + " ms of CPU, over the budget of " + PER_INPUT.toMillis() + " ms");
    }
  }
}
