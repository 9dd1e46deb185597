package com.crscompanion.channels.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ServerSocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A Telegram Bot API on 127.0.0.1 for tests: holds {@code getUpdates} like the real long poll until an update is
 * offered, records every call with the time it arrived, and lets a test queue faults (429, 500) for the next
 * {@code sendMessage} calls. The library lower-cases method names in the path and sends JSON (multipart for
 * {@code setWebhook}).
 */
final class FakeBotApi implements AutoCloseable {

	static final String TOKEN = "123456:TEST-token_for-a-fake-api";

	static final long BOT_ID = 123456;

	static final String BOT_USERNAME = "crs_test_bot";

	private final ObjectMapper json = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition updatesOffered = this.lock.newCondition();

	/** Offered updates Telegram has not yet seen confirmed, by update id. */
	private final Map<Integer, String> pending = new LinkedHashMap<>();

	private final Map<Integer, Long> offeredAt = new ConcurrentHashMap<>();

	private final List<Call> calls = new ArrayList<>();

	private final Deque<MockResponse> sendFaults = new ArrayDeque<>();

	private final AtomicInteger nextUpdateId = new AtomicInteger(1000);

	private final AtomicInteger nextMessageId = new AtomicInteger(5000);

	/** Calls are recorded when answered; a long poll is counted as soon as it arrives. */
	private final AtomicInteger pollsArrived = new AtomicInteger();

	private volatile MockResponse getMeAnswer = ok("{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"CRS\","
			+ "\"username\":\"" + BOT_USERNAME + "\"}");

	private volatile boolean closed;

	/**
	 * One call the bot made. {@code body} is JSON except for multipart methods; {@code status} is what it got (0:
	 * no answer).
	 */
	/** A message the fake accepted, with the id it gave it (what a reply or an edit refers to). */
	record Sent(long chatId, int messageId, JsonNode request) {

		String text() {
			return this.request.get("text").asText();
		}

	}

	private final List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Messages accepted for {@code chatId}, in order. */
	List<Sent> sentTo(long chatId) {
		return this.sent.stream().filter(s -> s.chatId() == chatId).toList();
	}

	record Call(String method, String body, int status, long receivedNanos) {

		JsonNode json() {
			try {
				return new ObjectMapper().readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	FakeBotApi() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				return answer(request);
			}

		});
		// like Telegram's servers, answer without Nagle's delay (else a held long poll's answer waits ~40 ms for an ACK)
		this.server.setServerSocketFactory(new ServerSocketFactory() {

			@Override
			public ServerSocket createServerSocket() throws IOException {
				return new ServerSocket() {

					@Override
					public Socket accept() throws IOException {
						Socket socket = super.accept();
						socket.setTcpNoDelay(true);
						return socket;
					}

				};
			}

			@Override
			public ServerSocket createServerSocket(int port) throws IOException {
				throw new UnsupportedOperationException();
			}

			@Override
			public ServerSocket createServerSocket(int port, int backlog) throws IOException {
				throw new UnsupportedOperationException();
			}

			@Override
			public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
				throw new UnsupportedOperationException();
			}

		});
		try {
			this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	/** Makes the update (JSON without {@code update_id}) available to getUpdates; returns its id. */
	int offer(String updateWithoutId) {
		return offer(updateWithoutId, 1);
	}

	/** Offers the same update (same id) twice in one getUpdates answer, as a retry or a second instance might. */
	int offerTwice(String updateWithoutId) {
		return offer(updateWithoutId, 2);
	}

	private int offer(String updateWithoutId, int copies) {
		int id = this.nextUpdateId.incrementAndGet();
		String update = "{\"update_id\":" + id + "," + updateWithoutId.substring(1);
		this.lock.lock();
		try {
			this.pending.put(id, update);
			// further copies wait under negative keys and leave with the next answer
			for (int copy = 1; copy < copies; copy++) {
				this.pending.put(-this.nextUpdateId.incrementAndGet(), update);
			}
			this.offeredAt.put(id, System.nanoTime());
			this.updatesOffered.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		return id;
	}

	/** True once a getUpdates call has arrived, even if it is still held open. */
	boolean polled() {
		return this.pollsArrived.get() > 0;
	}

	long offeredAtNanos(int updateId) {
		return this.offeredAt.get(updateId);
	}

	/** The next {@code sendMessage} calls get these answers instead of success, in order. */
	void failNextSends(MockResponse... faults) {
		this.lock.lock();
		try {
			this.sendFaults.addAll(List.of(faults));
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Sends succeed again. */
	void clearFaults() {
		this.lock.lock();
		try {
			this.sendFaults.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	void answerGetMe(MockResponse answer) {
		this.getMeAnswer = answer;
	}

	List<Call> calls() {
		this.lock.lock();
		try {
			return List.copyOf(this.calls);
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Call> calls(String method) {
		return calls().stream().filter(c -> c.method().equals(method)).toList();
	}

	/** The messages Telegram accepted (status 200), as JSON, in the order received. */
	List<JsonNode> delivered() {
		return calls("sendmessage").stream().filter(c -> c.status() == 200).map(Call::json).toList();
	}

	List<JsonNode> deliveredTo(long chatId) {
		return delivered().stream().filter(m -> m.get("chat_id").asText().equals(Long.toString(chatId))).toList();
	}

	static MockResponse tooManyRequests(int retryAfterSeconds) {
		return new MockResponse().setResponseCode(429)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
					+ retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
	}

	static MockResponse serverError() {
		return new MockResponse().setResponseCode(500)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
	}

	/** What a proxy in front of the Bot API answers when it breaks: not the Bot API's JSON. */
	static MockResponse badGatewayPage() {
		return new MockResponse().setResponseCode(502)
			.setHeader("Content-Type", "text/html")
			.setBody("<html><body><h1>502 Bad Gateway</h1></body></html>");
	}

	/** Takes the request and never answers: the client's read timeout fires. Recorded as not delivered. */
	static MockResponse noAnswer() {
		return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
	}

	static MockResponse unauthorized() {
		return new MockResponse().setResponseCode(401)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.lock.lock();
		try {
			this.updatesOffered.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.server.shutdown();
	}

	private MockResponse answer(RecordedRequest request) throws InterruptedException {
		long received = System.nanoTime();
		String path = (request.getPath() != null) ? request.getPath() : "";
		String prefix = "/bot" + TOKEN + "/";
		String body = request.getBody().readUtf8();
		if (!path.startsWith(prefix)) {
			return record("?" + path, body, received, new MockResponse().setResponseCode(404)
				.setBody("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
		}
		// most method names arrive lower-cased, a few (setMyCommands, deleteWebhook) as the Bot API spells them
		String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
		MockResponse answer = switch (method) {
			case "getme" -> this.getMeAnswer;
			case "getupdates" -> updates(body);
			case "sendmessage" -> sendMessage(body);
			default -> ok("true");
		};
		return record(method, body, received, answer);
	}

	private MockResponse record(String method, String body, long received, MockResponse answer) {
		int status = (answer.getSocketPolicy() == SocketPolicy.NO_RESPONSE) ? 0
				: Integer.parseInt(answer.getStatus().split(" ")[1]);
		this.lock.lock();
		try {
			this.calls.add(new Call(method, body, status, received));
		}
		finally {
			this.lock.unlock();
		}
		return answer;
	}

	private MockResponse sendMessage(String body) {
		this.lock.lock();
		try {
			MockResponse fault = this.sendFaults.poll();
			if (fault != null) {
				return fault;
			}
		}
		finally {
			this.lock.unlock();
		}
		try {
			JsonNode request = this.json.readTree(body);
			int id = this.nextMessageId.incrementAndGet();
			this.sent.add(new Sent(request.get("chat_id").asLong(), id, request));
			return ok("{\"message_id\":" + id + ",\"date\":1700000000,"
					+ "\"chat\":{\"id\":" + request.get("chat_id").asText() + ",\"type\":\"private\"},"
					+ "\"text\":" + this.json.writeValueAsString(request.get("text").asText()) + "}");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Long poll: confirms updates below the offset, then waits up to the timeout for newer ones. */
	private MockResponse updates(String body) throws InterruptedException {
		this.pollsArrived.incrementAndGet();
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int offset = request.path("offset").asInt(0);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(request.path("timeout").asInt(0));
		this.lock.lock();
		try {
			this.pending.keySet().removeIf(id -> id > 0 && id < offset);
			while (!this.closed) {
				List<String> ready = this.pending.entrySet()
					.stream()
					.filter(e -> e.getKey() < 0 || e.getKey() >= offset)
					.map(Map.Entry::getValue)
					.toList();
				if (!ready.isEmpty()) {
					this.pending.keySet().removeIf(id -> id < 0);
					return ok("[" + String.join(",", ready) + "]");
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				this.updatesOffered.awaitNanos(left);
			}
			return ok("[]");
		}
		finally {
			this.lock.unlock();
		}
	}

	private static MockResponse ok(String result) {
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":true,\"result\":" + result + "}");
	}

}
