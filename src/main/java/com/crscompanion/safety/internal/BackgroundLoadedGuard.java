package com.crscompanion.safety.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyVerdict;
import com.crscompanion.support.ReadyBeforeWebServer;
import com.crscompanion.support.Startup;

/**
 * The guard, compiled from its phrase files on a thread of its own while the rest of the application starts
 * (about a second of start-up). It is awaited in a lifecycle phase before the web server opens, so no message
 * arrives before it is ready and a bad phrase file still stops start-up with its reason.
 */
final class BackgroundLoadedGuard extends ReadyBeforeWebServer implements EmergencyGuard {

	private final CompletableFuture<EmergencyGuard> guard;

	BackgroundLoadedGuard(Supplier<EmergencyGuard> load) {
		this.guard = Startup.inBackground("emergency-guard-load", load);
	}

	@Override
	public EmergencyVerdict assess(String text) {
		return Startup.await(this.guard).assess(text);
	}

	@Override
	protected void awaitReady() {
		Startup.await(this.guard);
	}

}
