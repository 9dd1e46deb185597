package com.crscompanion.channels.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.handoff.Trigger;
import com.crscompanion.history.Author;
import com.crscompanion.history.ConversationHistory;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.history.LoggedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's API on the whole application over real HTTP, as the page uses it: a real form login, the session
 * cookie, and the XSRF-TOKEN cookie echoed in a header. Families reach it through the real chat API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ConsoleApiTests {

	static final String PASSWORD = "correct horse battery staple";

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Handoffs handoffs;

	@Autowired
	ConversationHistory history;

	/** Two coordinators, with hashes made as {@code hash-password} makes them. */
	@DynamicPropertySource
	static void coordinators(DynamicPropertyRegistry registry) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		registry.add("crs.console.users[0].username", () -> "anna");
		registry.add("crs.console.users[0].name", () -> "Anna");
		registry.add("crs.console.users[0].password", () -> hash);
		registry.add("crs.console.users[1].username", () -> "ben");
		registry.add("crs.console.users[1].name", () -> "Ben");
		registry.add("crs.console.users[1].password", () -> hash);
	}

	@Test
	void visitorsWhoAreNotLoggedInAreSentToTheLoginPageAndTheApiIsClosed() throws Exception {
		Session anonymous = new Session();
		HttpResponse<String> page = anonymous.get("/console");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> list = anonymous.get("/console/api/handoffs");
		assertThat(list.statusCode()).isEqualTo(401);
		assertThat(error(list)).contains("log in");
	}

	@Test
	void aWrongPasswordDoesNotOpenTheConsole() throws Exception {
		Session session = new Session();
		HttpResponse<String> login = session.submitLogin("anna", "not the password");
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(session.get("/console/api/handoffs").statusCode()).isEqualTo(401);
	}

	@Test
	void aFamilyAskingForAPersonIsListedWithTheirConversation() throws Exception {
		Family family = familyWrites("list-1", "I want to talk to a person");
		long id = openHandoff(family.ref());
		JsonNode card = listed(login("anna"), id);
		assertThat(card.get("reference").asLong()).isEqualTo(this.history.find(family.ref()).orElseThrow().reference());
		assertThat(card.get("channel").asString()).isEqualTo("web");
		assertThat(card.get("status").asString()).isEqualTo("open");
		assertThat(card.get("priority").asString()).isEqualTo("normal");
		assertThat(strings(card.get("reasons"))).containsExactly("asked");
		assertThat(strings(card.get("signs"))).isEmpty();
		assertThat(card.get("claimedBy").isNull()).isTrue();
		assertThat(card.get("waitingMinutes").asLong()).isZero();
		assertThat(Instant.parse(card.get("openedAt").asString())).isBefore(Instant.now().plusSeconds(1));
		List<String> said = new ArrayList<>(List.of("family: I want to talk to a person"));
		family.replies().forEach(reply -> said.add("bot: " + reply));
		assertThat(transcript(card)).containsExactlyElementsOf(said);
	}

	@Test
	void anEmergencyComesFirstWithItsSignsAndTheWordsThatMatched() throws Exception {
		long normal = openHandoff(familyWrites("order-normal", "I want to talk to a person").ref());
		String message = "we are at home and she cant breath properly";
		long urgent = openHandoff(familyWrites("order-urgent", message).ref());
		JsonNode list = this.json.readTree(login("anna").get("/console/api/handoffs").body());
		List<Long> order = new ArrayList<>();
		list.forEach(card -> order.add(card.get("id").asLong()));
		assertThat(order).containsSubsequence(urgent, normal);
		JsonNode card = listed(login("anna"), urgent);
		Trigger emergency = this.handoffs.find(urgent).orElseThrow().triggers().get(0);
		assertThat(card.get("priority").asString()).isEqualTo("urgent");
		assertThat(strings(card.get("reasons"))).containsExactly("emergency");
		assertThat(strings(card.get("signs"))).isNotEmpty().containsExactlyElementsOf(emergency.signs());
		assertThat(strings(card.get("matchedText"))).singleElement()
			.satisfies(words -> assertThat(message.toLowerCase(Locale.ROOT)).contains(words.toLowerCase(Locale.ROOT)));
		assertThat(card.get("transcript").get(0).get("text").asString()).isEqualTo(message);
	}

	@Test
	void aClaimIsWonOnceAndTheOthersAreToldWhoHoldsIt() throws Exception {
		long id = openHandoff(familyWrites("claim-1", "I want to talk to a person").ref());
		Session anna = login("anna");
		Session ben = login("ben");
		HttpResponse<String> won = anna.post("/console/api/handoffs/" + id + "/claim", null);
		assertThat(won.statusCode()).isEqualTo(200);
		JsonNode claimed = this.json.readTree(won.body());
		assertThat(claimed.get("status").asString()).isEqualTo("claimed");
		assertThat(claimed.get("claimedBy").asString()).isEqualTo("Anna");
		assertThat(claimed.get("claimedByYou").asBoolean()).isTrue();

		HttpResponse<String> taken = ben.post("/console/api/handoffs/" + id + "/claim", null);
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(error(taken)).isEqualTo("Handoff " + id + " is already claimed by Anna.");
		HttpResponse<String> again = anna.post("/console/api/handoffs/" + id + "/claim", null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(error(again)).isEqualTo("You have already claimed handoff " + id + ".");

		JsonNode seenByBen = listed(ben, id);
		assertThat(seenByBen.get("claimedBy").asString()).isEqualTo("Anna");
		assertThat(seenByBen.get("claimedByYou").asBoolean()).isFalse();
		assertThat(this.handoffs.find(id).orElseThrow().claimedBy()).isEqualTo(new Coordinator("console:anna", "Anna"));
	}

	@Test
	void aReplyReachesTheFamilyUnderTheCoordinatorsNameAndIsNotLogged(CapturedOutput output) throws Exception {
		Family family = familyWrites("reply-1", "I want to talk to a person");
		long id = openHandoff(family.ref());
		String text = "The ward nurse will phone you within 10 minutes (reply 7f3a).";
		HttpResponse<String> response = login("anna").post("/console/api/handoffs/" + id + "/reply",
				this.json.writeValueAsString(Map.of("text", text)));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode card = this.json.readTree(response.body());
		assertThat(transcript(card)).last().isEqualTo("coordinator Anna: " + text);
		// answering an unclaimed handoff holds it, so the bot stops answering on its own
		assertThat(card.get("status").asString()).isEqualTo("claimed");
		assertThat(card.get("claimedBy").asString()).isEqualTo("Anna");

		List<LoggedMessage> pushed = this.history.pushedAfter(family.ref(), 0);
		assertThat(pushed).singleElement().satisfies(message -> {
			assertThat(message.author()).isEqualTo(Author.COORDINATOR);
			assertThat(message.authorName()).isEqualTo("Anna");
			assertThat(message.text()).isEqualTo(text);
		});
		assertThat(output).contains("Console user anna replied to handoff " + id).doesNotContain("reply 7f3a");
	}

	@Test
	void aBlankOrTooLongReplyIsRefusedAndNothingReachesTheFamily() throws Exception {
		Family family = familyWrites("reply-bad", "I want to talk to a person");
		long id = openHandoff(family.ref());
		Session anna = login("anna");
		String path = "/console/api/handoffs/" + id + "/reply";
		HttpResponse<String> blank = anna.post(path, "{\"text\":\"  \\n \"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(error(blank)).contains("empty");
		HttpResponse<String> missing = anna.post(path, "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		HttpResponse<String> tooLong = anna.post(path,
				this.json.writeValueAsString(Map.of("text", "a".repeat(ConsoleController.MAX_REPLY_LENGTH + 1))));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(error(tooLong)).contains("at most 4000 characters");
		HttpResponse<String> malformed = anna.post(path, "{\"text\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(error(malformed)).contains("JSON");
		assertThat(this.history.pushedAfter(family.ref(), 0)).isEmpty();
		assertThat(this.handoffs.find(id).orElseThrow().status()).isEqualTo(Handoff.Status.OPEN);

		HttpResponse<String> longest = anna.post(path,
				this.json.writeValueAsString(Map.of("text", "b".repeat(ConsoleController.MAX_REPLY_LENGTH))));
		assertThat(longest.statusCode()).isEqualTo(200);
		assertThat(this.history.pushedAfter(family.ref(), 0)).singleElement()
			.satisfies(message -> assertThat(message.text()).hasSize(ConsoleController.MAX_REPLY_LENGTH));
	}

	@Test
	void resolvingReturnsTheFamilyToTheBotAndTakesTheHandoffOffTheList() throws Exception {
		Family family = familyWrites("resolve-1", "I want to talk to a person");
		long id = openHandoff(family.ref());
		Session anna = login("anna");
		assertThat(anna.post("/console/api/handoffs/" + id + "/claim", null).statusCode()).isEqualTo(200);
		HttpResponse<String> resolved = anna.post("/console/api/handoffs/" + id + "/resolve", null);
		assertThat(resolved.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(resolved.body()).get("status").asString()).isEqualTo("resolved");

		JsonNode list = this.json.readTree(anna.get("/console/api/handoffs").body());
		list.forEach(card -> assertThat(card.get("id").asLong()).isNotEqualTo(id));
		assertThat(this.handoffs.openFor(family.ref())).isEmpty();
		assertThat(this.history.pushedAfter(family.ref(), 0)).last()
			.satisfies(notice -> assertThat(notice.author()).isEqualTo(Author.BOT));

		for (String action : List.of("resolve", "claim")) {
			HttpResponse<String> late = anna.post("/console/api/handoffs/" + id + "/" + action, null);
			assertThat(late.statusCode()).as(action).isEqualTo(404);
			assertThat(error(late)).as(action).contains("not open any more");
		}
		HttpResponse<String> lateReply = anna.post("/console/api/handoffs/" + id + "/reply", "{\"text\":\"hello?\"}");
		assertThat(lateReply.statusCode()).isEqualTo(404);
	}

	@Test
	void unknownHandoffsAreNotFoundAndAnIdMustBeANumber() throws Exception {
		Session anna = login("anna");
		HttpResponse<String> unknown = anna.post("/console/api/handoffs/987654321/claim", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(error(unknown)).contains("987654321");
		HttpResponse<String> notANumber = anna.post("/console/api/handoffs/abc/claim", null);
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(error(notANumber)).contains("number");
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		long id = openHandoff(familyWrites("csrf-1", "I want to talk to a person").ref());
		Session anna = login("anna");
		for (String token : new String[] { null, "forged-token" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console/api/handoffs/" + id + "/claim"))
				.POST(HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
			HttpResponse<String> refused = anna.send(request);
			assertThat(refused.statusCode()).as(String.valueOf(token)).isEqualTo(403);
			assertThat(error(refused)).contains("CSRF");
		}
		assertThat(this.handoffs.find(id).orElseThrow().status()).isEqualTo(Handoff.Status.OPEN);
	}

	@Test
	void loggingOutClosesTheApi() throws Exception {
		Session anna = login("anna");
		assertThat(anna.get("/console/api/handoffs").statusCode()).isEqualTo(200);
		HttpResponse<String> logout = anna.post("/logout", null);
		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(anna.get("/console/api/handoffs").statusCode()).isEqualTo(401);
	}

	@Test
	void thePageGreetsTheCoordinatorByNameAndLoadsOnlyItsOwnFiles() throws Exception {
		Session ben = login("ben");
		String page = ben.get("/console").body();
		assertThat(page).contains("<strong id=\"coordinator-name\">Ben</strong>")
			.contains("<script src=\"/console.js\"></script>")
			.doesNotContain("{{")
			.doesNotContainPattern("(src|href)=\"(https?:)?//");
		assertThat(ben.get("/console.js").statusCode()).isEqualTo(200);
		assertThat(ben.get("/console.css").statusCode()).isEqualTo(200);
	}

	/** Someone writing in the web chat: what they were answered. */
	private Family familyWrites(String sessionId, String text) throws IOException, InterruptedException {
		HttpResponse<String> response = new Session().send(HttpRequest.newBuilder(uri("/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(this.json.writeValueAsString(Map.of("sessionId", sessionId, "text", text)))));
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> replies = new ArrayList<>();
		this.json.readTree(response.body()).get("replies").forEach(reply -> replies.add(reply.get("text").asString()));
		return new Family(new ConversationRef("web", sessionId), replies);
	}

	private record Family(ConversationRef ref, List<String> replies) {
	}

	private long openHandoff(ConversationRef family) {
		return this.handoffs.openFor(family).orElseThrow(() -> new AssertionError("no handoff opened for " + family)).id();
	}

	private JsonNode listed(Session session, long id) throws IOException, InterruptedException {
		HttpResponse<String> response = session.get("/console/api/handoffs");
		assertThat(response.statusCode()).isEqualTo(200);
		for (JsonNode card : this.json.readTree(response.body())) {
			if (card.get("id").asLong() == id) {
				return card;
			}
		}
		throw new AssertionError("handoff " + id + " is not in the list: " + response.body());
	}

	/** "author[ name]: text" per message, as a coordinator reads them. */
	private static List<String> transcript(JsonNode card) {
		List<String> lines = new ArrayList<>();
		card.get("transcript").forEach(message -> lines.add(message.get("author").asString()
				+ (message.get("authorName").isNull() ? "" : " " + message.get("authorName").asString()) + ": "
				+ message.get("text").asString()));
		return lines;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private String error(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		return this.json.readTree(response.body()).get("error").asString();
	}

	private Session login(String username) throws IOException, InterruptedException {
		Session session = new Session();
		HttpResponse<String> login = session.submitLogin(username, PASSWORD);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
		assertThat(session.xsrfToken()).as("logging in sets the XSRF-TOKEN cookie").isNotBlank();
		return session;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** One browser: its own cookies, redirects not followed so they can be checked. */
	private final class Session {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		/** The real form: fetched first for its hidden {@code _csrf} field. */
		HttpResponse<String> submitLogin(String username, String password) throws IOException, InterruptedException {
			HttpResponse<String> page = get("/login");
			Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
			String form = Map.of("username", username, "password", password, "_csrf", token.group(1))
				.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			assertThat(response.statusCode()).isEqualTo(302);
			return response;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET());
		}

		/** As the page posts: JSON (or no body) with the cookie's token in the header. */
		HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", xsrfToken());
			if (body != null) {
				request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.POST(HttpRequest.BodyPublishers.noBody());
			}
			return send(request);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		String xsrfToken() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse("");
		}

	}

}
