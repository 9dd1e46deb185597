package com.crscompanion.channels.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import com.crscompanion.conversation.internal.MessagesProperties;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.safety.EmergencyGuard;
import com.crscompanion.safety.EmergencyReplies;
import com.crscompanion.search.PassageSearch;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application on a random loopback port, spoken to over real HTTP as the web page and other clients do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApiTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	MessagesProperties messages;

	@Autowired
	WebChatProperties web;

	@Autowired
	EmergencyGuard guard;

	@Autowired
	EmergencyReplies emergencyReplies;

	@Autowired
	PassageSearch search;

	@Test
	void aFamilyQuestionInLayWordsGetsTheGuidePassageWithItsSectionAndTheDisclaimer() throws Exception {
		Passage expected = this.knowledge.current()
			.find("frequently-asked-questions/will-tocilizumab-affect-how-well-the")
			.orElseThrow();
		HttpResponse<String> response = post("{\"sessionId\":\"s1\",\"text\":\"will the IL-6 drug stop the CAR-T working?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = this.json.readTree(response.body()).get("replies").get(0);
		assertThat(reply.get("kind").asString()).isEqualTo("answer");
		assertThat(reply.get("text").asString()).isEqualTo(expected.text());
		assertThat(reply.get("source").asString()).isEqualTo(expected.source());
		assertThat(reply.get("disclaimer").asString()).isEqualTo(this.messages.disclaimer());
	}

	@Test
	void theMetricsSayWhetherQuestionsAreRankedByMeaning() throws Exception {
		assertThat(this.search.awaitRankingByMeaning(Duration.ofMinutes(2))).isTrue();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/metrics/crs.search.ranking.meaning"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
	}

	@Test
	void offTopicChatGetsTheFallbackWithSuggestionsNotAPassage() throws Exception {
		JsonNode replies = replies("{\"sessionId\":\"s2\",\"text\":\"what's the weather in Beijing tomorrow\"}");
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).get("kind").asString()).isEqualTo("fallback");
		assertThat(replies.get(0).get("suggestions")).hasSizeBetween(1, 3);
	}

	@Test
	void aRequestToDoSomethingIsDeclinedWithTheConfiguredText() throws Exception {
		JsonNode replies = replies("{\"sessionId\":\"s2\",\"text\":\"write me a poem about the sea\"}");
		assertThat(replies).singleElement().satisfies(r -> {
			assertThat(r.get("kind").asString()).isEqualTo("info");
			assertThat(r.get("text").asString()).isEqualTo(this.messages.notATask());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dad's temp is 39.2", "she cant breath", "他抽搐了", "is fever after CAR-T always CRS?" })
	void aMessageReportingADangerSignGetsTheEmergencyMessageFirst(String text) throws Exception {
		JsonNode replies = replies(this.json.writeValueAsString(new ChatController.ChatRequest("e1", text)));
		assertThat(replies.get(0).get("kind").asString()).isEqualTo("emergency");
		assertThat(replies.get(0).get("text").asString())
			.isEqualTo(this.emergencyReplies.emergencyMessage(this.guard.assess(text).language()));
	}

	@Test
	void aGeneralQuestionNamingASignGetsTheEmergencyMessageThenTheAnswerSeparately() throws Exception {
		JsonNode replies = replies("{\"sessionId\":\"e2\",\"text\":\"is fever after CAR-T always CRS?\"}");
		assertThat(replies).extracting(r -> r.get("kind").asString()).containsExactly("emergency", "handoff", "answer");
		assertThat(replies.get(2).get("text").asString()).isEqualTo(this.knowledge.current()
			.find("frequently-asked-questions/is-fever-after-car-t-always").orElseThrow().text());
	}

	@ParameterizedTest
	@ValueSource(strings = { "no fever since yesterday, when can we go home?", "how much does CAR-T cost" })
	void ordinaryQuestionsRaiseNoAlarm(String text) throws Exception {
		JsonNode replies = replies(this.json.writeValueAsString(new ChatController.ChatRequest("e3", text)));
		assertThat(replies).allSatisfy(r -> assertThat(r.get("kind").asString()).isNotEqualTo("emergency"));
	}

	@Test
	void theEmergencyIsSeenEvenAtTheEndOfAVeryLongMessage() throws Exception {
		String text = "we are fine, just a long story. ".repeat(3_000) + "now she cant breathe";
		JsonNode replies = replies(this.json.writeValueAsString(new ChatController.ChatRequest("e4", text)));
		assertThat(replies.get(0).get("kind").asString()).isEqualTo("emergency");
	}

	@Test
	void malformedJsonGetsA400ThatSaysWhatIsWrong() throws Exception {
		HttpResponse<String> response = post("{\"sessionId\": \"s3\", \"text\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(this.json.readTree(response.body()).get("error").asString()).contains("sessionId").contains("text");
	}

	@Test
	void aMissingFieldIsNamed() throws Exception {
		HttpResponse<String> noText = post("{\"sessionId\":\"s4\"}");
		assertThat(noText.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(noText.body()).get("error").asString()).startsWith("'text' is required");
		HttpResponse<String> noSession = post("{\"text\":\"hello\"}");
		assertThat(noSession.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(noSession.body()).get("error").asString()).startsWith("'sessionId' is required");
	}

	@Test
	void anEmptyMessageIsAnsweredNotRejected() throws Exception {
		JsonNode replies = replies("{\"sessionId\":\"s5\",\"text\":\"\"}");
		assertThat(replies.get(0).get("kind").asString()).isEqualTo("info");
	}

	@Test
	void queryLanguageAndInjectionAttemptsAreJustText() throws Exception {
		for (String text : new String[] { "title:crs AND (fever OR *", "'; DROP TABLE x; --", "<img src=x onerror=alert(1)>",
				"\\u0000\\u0007", "{{7*7}} ${jndi:ldap://127.0.0.1/a}" }) {
			HttpResponse<String> response = post(this.json.writeValueAsString(new ChatController.ChatRequest("s6", text)));
			assertThat(response.statusCode()).as(text).isEqualTo(200);
		}
	}

	@Test
	void overLongTextIsRefusedWithTheLimit() throws Exception {
		String text = "a".repeat(ChatController.MAX_TEXT_LENGTH + 1);
		HttpResponse<String> response = post(this.json.writeValueAsString(new ChatController.ChatRequest("s7", text)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("at most 100000 characters");
	}

	@Test
	void theChatPageShowsTheEmergencyLineAndDisclaimerFromConfiguration() throws Exception {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(this.web.emergencyLine()))
			.contains(org.springframework.web.util.HtmlUtils.htmlEscape(this.web.disclaimer()))
			.doesNotContain("{{");
	}

	private JsonNode replies(String body) throws IOException, InterruptedException {
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).get("replies");
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
