package com.crscompanion.support;

import org.springframework.context.SmartLifecycle;

/**
 * A bean whose start-up work runs in the background and must be finished before the web server opens: it is
 * awaited in a lifecycle phase that comes before the server's, so a failure stops start-up with its reason.
 */
public abstract class ReadyBeforeWebServer implements SmartLifecycle {

	private volatile boolean running;

	/** Blocks until the background work is done; throws its failure. */
	protected abstract void awaitReady();

	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void start() {
		awaitReady();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
