package com.crscompanion.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import com.crscompanion.support.Startup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import com.crscompanion.knowledge.ImportReport.Severity;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.KnowledgeChanged;
import com.crscompanion.knowledge.KnowledgeSnapshot;

/**
 * Loads the content at start-up (refusing to start on broken content) and watches {@code index-data/}: a change
 * is loaded in the background and published; a broken change keeps the last good content and logs why. The first
 * load runs beside the rest of start-up and is waited for before the web server opens.
 */
@Service
class KnowledgeService implements KnowledgeBase, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

	private final KnowledgeProperties properties;

	private final ContentLoader loader;

	private final ApplicationEventPublisher events;

	private final AtomicReference<KnowledgeSnapshot> current = new AtomicReference<>();

	private final CompletableFuture<KnowledgeSnapshot> firstLoad;

	private volatile String fingerprint;

	private ScheduledExecutorService watcher;

	KnowledgeService(KnowledgeProperties properties, ApplicationEventPublisher events) {
		this.properties = properties;
		this.events = events;
		this.loader = new ContentLoader(properties, Clock.systemUTC());
		this.fingerprint = fingerprint();
		this.firstLoad = Startup.inBackground("content-load", this::load);
	}

	@Override
	public KnowledgeSnapshot current() {
		KnowledgeSnapshot snapshot = this.current.get();
		if (snapshot == null) {
			this.current.compareAndSet(null, Startup.await(this.firstLoad));
			snapshot = this.current.get();
		}
		return snapshot;
	}

	private KnowledgeSnapshot load() {
		KnowledgeSnapshot snapshot = this.loader.load();
		snapshot.report().findings().forEach(f -> {
			if (f.severity() == Severity.ERROR) {
				log.error("Content: {}", f);
			}
			else {
				log.debug("Content: {}", f);
			}
		});
		log.info("Content loaded: {} passages ({} repairs, {} warnings, {} errors) from {}", snapshot.passages().size(),
				snapshot.report().count(Severity.REPAIR), snapshot.report().count(Severity.WARNING),
				snapshot.report().count(Severity.ERROR), this.properties.contentDir().toAbsolutePath());
		return snapshot;
	}

	/** Reloads if anything under the content folder changed since the last look. */
	void reloadIfChanged() {
		String now = fingerprint();
		if (now.equals(this.fingerprint)) {
			return;
		}
		this.fingerprint = now;
		try {
			KnowledgeSnapshot snapshot = load();
			this.current.set(snapshot);
			this.events.publishEvent(new KnowledgeChanged(snapshot));
		}
		catch (RuntimeException ex) {
			log.warn("Content in {} changed but cannot be used, keeping the last good content: {}",
					this.properties.contentDir().toAbsolutePath(), ex.getMessage());
		}
	}

	private String fingerprint() {
		StringBuilder print = new StringBuilder();
		try (Stream<Path> files = Files.walk(this.properties.contentDir(), 4)) {
			files.sorted().forEach(f -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(f, BasicFileAttributes.class);
					print.append(f).append(attributes.size()).append(attributes.lastModifiedTime()).append('\n');
				}
				catch (IOException ex) {
					print.append(f).append("unreadable\n");
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			return "unlistable";
		}
		return print.toString();
	}

	/** Before the web server (default phase), so broken content stops start-up and no request comes early. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void start() {
		current();
		this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "content-watcher");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.reloadInterval().toMillis();
		this.watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
			this.watcher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

}
