package org.punchgate.lambda;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.punchgate.security.RandomIds;

/**
 * The SnapStart (CRaC) hooks of one function: before the snapshot, prime the request path; after every
 * restore, renew what must be unique per execution environment. Restored environments share the
 * snapshot's memory, so the id generator captured in it would hand the same "random" session ids and
 * token ids to every environment restored from it; {@link RandomIds#reseed()} replaces it.
 *
 * <p>The CRaC context holds resources weakly: the handler keeps the returned hooks in a field.
 */
public final class SnapStartHooks implements Resource {

  private final Runnable prime;
  private final RandomIds ids;

  SnapStartHooks(Runnable prime, RandomIds ids) {
    this.prime = prime;
    this.ids = ids;
  }

  /** Registers the hooks with the global CRaC context (a no-op outside SnapStart/CRaC JVMs). */
  public static SnapStartHooks register(Runnable prime, RandomIds ids) {
    SnapStartHooks hooks = new SnapStartHooks(prime, ids);
    Core.getGlobalContext().register(hooks);
    return hooks;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime.run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    ids.reseed();
  }
}
