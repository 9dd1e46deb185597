package com.crscompanion.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Start-up work that runs on its own thread beside the rest of start-up, and is waited for where it is needed. */
public final class Startup {

	private Startup() {
	}

	public static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, runnable -> Thread.ofPlatform().daemon().name(name).start(runnable));
	}

	/** The result, or the failure itself (not wrapped), so start-up reports the real reason. */
	public static <T> T await(CompletableFuture<T> work) {
		try {
			return work.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
