package com.crscompanion.channels.console;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The console in a real headless Chromium, used as a coordinator would: log in through the form, find the family,
 * claim, answer, resolve. Families write through the real chat API. Needs Debian's chromium and chromium-driver; in
 * CI their absence is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsolePageBrowserTests {

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	private static final String PASSWORD = "a passphrase for the browser test";

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	private static ChromeDriver browser;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Handoffs handoffs;

	@Autowired
	ConversationHistory history;

	@DynamicPropertySource
	static void coordinator(DynamicPropertyRegistry registry) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		registry.add("crs.console.users[0].username", () -> "anna");
		registry.add("crs.console.users[0].name", () -> "Anna");
		registry.add("crs.console.users[0].password", () -> hash);
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			String why = "Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver)";
			if ("true".equals(System.getenv("CI"))) {
				fail(why);
			}
			abort(why);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Each test logs in afresh, at desktop size unless it says otherwise. */
	@BeforeEach
	void logOut() {
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(DESKTOP);
	}

	@Test
	void aCoordinatorClaimsAnswersAndResolvesAFamilysHandoff() throws Exception {
		ConversationRef family = familyWrites("browser-ask", "I want to talk to a person");
		String markup = "<b>thank you</b> <img src=x onerror=\"document.title='pwned'\">";
		familyWrites("browser-ask", markup);
		Handoff handoff = this.handoffs.openFor(family).orElseThrow();

		logIn();
		WebElement card = waitForCard(handoff);
		assertThat(textOf(card, "h2")).isEqualTo("Family · ref " + handoff.reference());
		assertThat(textOf(card, ".reasons")).isEqualTo("Asked for a person");
		assertThat(textOf(card, ".meta")).contains("Waiting 0 min").endsWith("Not claimed yet");
		assertThat(card.findElement(By.cssSelector(".badge.urgent")).isDisplayed()).isFalse();
		List<WebElement> said = card.findElements(By.cssSelector(".transcript li[data-author=family]"));
		assertThat(said).extracting(ConsolePageBrowserTests::words)
			.containsExactly("I want to talk to a person", markup);
		assertThat(card.findElements(By.cssSelector(".transcript img, .transcript b"))).isEmpty();
		assertThat(browser.getTitle()).doesNotContain("pwned");

		card.findElement(By.cssSelector("button.claim")).click();
		waitUntil(() -> card.getAttribute("data-status").equals("claimed"));
		assertThat(textOf(card, ".meta .holder")).isEqualTo("Claimed by you");
		assertThat(card.findElement(By.cssSelector("button.claim")).isDisplayed()).isFalse();
		assertThat(this.handoffs.find(handoff.id()).orElseThrow().claimedBy())
			.isEqualTo(new Coordinator("console:anna", "Anna"));

		String answer = "The ward nurse will phone you within 10 minutes.";
		WebElement box = card.findElement(By.cssSelector("textarea"));
		box.sendKeys(answer);
		card.findElement(By.cssSelector("button.send")).click();
		WebElement sent = waitUntil(() -> card.findElements(By.cssSelector(".transcript li[data-author=coordinator]"))
			.stream()
			.findFirst()
			.orElse(null));
		assertThat(textOf(sent, ".from")).startsWith("Coordinator Anna · ");
		assertThat(words(sent)).isEqualTo(answer);
		assertThat(box.getAttribute("value")).isEmpty();
		assertThat(this.history.pushedAfter(family, 0)).singleElement().satisfies(message -> {
			assertThat(message.author()).isEqualTo(Author.COORDINATOR);
			assertThat(message.authorName()).isEqualTo("Anna");
			assertThat(message.text()).isEqualTo(answer);
		});
		screenshot("console-desktop.png");

		WebElement resolve = card.findElement(By.cssSelector("button.resolve"));
		resolve.click();
		assertThat(resolve.getText()).isEqualTo("Confirm: resolve");
		assertThat(this.handoffs.find(handoff.id()).orElseThrow().isOpen()).as("one press does not resolve").isTrue();
		resolve.click();
		waitUntil(() -> browser.findElements(card(handoff)).isEmpty());
		assertThat(this.handoffs.find(handoff.id()).orElseThrow().status()).isEqualTo(Handoff.Status.RESOLVED);
		assertThat(this.history.pushedAfter(family, 0)).last()
			.extracting(LoggedMessage::author)
			.isEqualTo(Author.BOT);
	}

	@Test
	void onAPhoneTheUrgentFamilyComesFirstAndAHalfTypedReplySurvivesTheRefresh() throws Exception {
		browser.manage().window().setSize(PHONE);
		Handoff normal = this.handoffs.openFor(familyWrites("browser-normal", "I want to talk to a person")).orElseThrow();
		String emergency = "since an hour she cant breath well";
		Handoff urgent = this.handoffs.openFor(familyWrites("browser-urgent", emergency)).orElseThrow();
		this.handoffs.claim(urgent.id(), new Coordinator("telegram:42", "Ben"));
		Trigger signs = urgent.triggers().get(0);

		logIn();
		WebElement urgentCard = waitForCard(urgent);
		WebElement normalCard = waitForCard(normal);
		List<WebElement> cards = browser.findElements(By.cssSelector("article.handoff"));
		assertThat(cards.indexOf(urgentCard)).isLessThan(cards.indexOf(normalCard));
		assertThat(urgentCard.findElement(By.cssSelector(".badge.urgent")).isDisplayed()).isTrue();
		assertThat(textOf(urgentCard, ".badge.urgent")).isEqualToIgnoringCase("urgent");
		assertThat(textOf(urgentCard, ".reasons")).isEqualTo("Emergency signs reported");
		assertThat(textOf(urgentCard, ".signs"))
			.isEqualTo("Signs: " + String.join(", ", signs.signs()) + " — their words: “" + signs.matchedText() + "”");
		assertThat(textOf(urgentCard, ".meta .holder")).isEqualTo("Claimed by Ben");
		assertThat(urgentCard.findElements(By.cssSelector(".transcript li[data-kind=emergency]"))).isNotEmpty();

		WebElement typing = normalCard.findElement(By.cssSelector("textarea"));
		typing.click();
		typing.sendKeys("We are looking at your message and will");
		String before = browser.findElement(By.id("updated")).getText();
		waitUntil(() -> !browser.findElement(By.id("updated")).getText().equals(before));
		// found again: the page after the refresh, whatever it did to the card
		WebElement box = browser.findElement(card(normal)).findElement(By.cssSelector("textarea"));
		assertThat(box.getAttribute("value")).isEqualTo("We are looking at your message and will");
		assertThat(browser.switchTo().activeElement()).isEqualTo(box);
		box.sendKeys(" call you");
		assertThat(box.getAttribute("value")).isEqualTo("We are looking at your message and will call you");
		assertThat(this.history.pushedAfter(normal.conversation(), 0)).as("nothing sent before Send").isEmpty();

		Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) browser.executeScript("return window.innerWidth");
		assertThat(pageWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport.intValue());
		screenshot("console-phone.png");
	}

	@Test
	void theLogoutLinkEndsTheSession() {
		logIn();
		assertThat(browser.findElement(By.id("coordinator-name")).getText()).isEqualTo("Anna");
		browser.findElement(By.id("logout")).click();
		waitUntil(() -> browser.getCurrentUrl().endsWith("/login?logout"));
		browser.get(url("/console"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	private void logIn() {
		browser.get(url("/console"));
		assertThat(browser.getCurrentUrl()).as("the console asks for a login").endsWith("/login");
		browser.findElement(By.id("username")).sendKeys("anna");
		WebElement password = browser.findElement(By.id("password"));
		password.sendKeys(PASSWORD);
		password.sendKeys(Keys.ENTER);
		waitUntil(() -> browser.getCurrentUrl().endsWith("/console"));
	}

	private ConversationRef familyWrites(String sessionId, String text) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/chat")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(this.json.writeValueAsString(Map.of("sessionId", sessionId, "text", text))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return new ConversationRef("web", sessionId);
	}

	private static By card(Handoff handoff) {
		return By.cssSelector("article.handoff[data-id='" + handoff.id() + "']");
	}

	private static WebElement waitForCard(Handoff handoff) {
		return waitUntil(() -> browser.findElements(card(handoff)).stream().findFirst().orElse(null));
	}

	/** A transcript message's text without its "who · when" line. */
	private static String words(WebElement message) {
		return (String) browser.executeScript("return arguments[0].lastChild.textContent", message);
	}

	/**
	 * The text of an element inside a card, read again if the page's poll re-rendered it between finding and reading
	 * (a card's status line is rebuilt on every refresh).
	 */
	private static String textOf(WebElement parent, String css) {
		return waitUntil(() -> parent.findElement(By.cssSelector(css)).getText());
	}

	private static <T> T waitUntil(java.util.function.Supplier<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(driver -> {
			T value = condition.get();
			return (Boolean.FALSE.equals(value)) ? null : value;
		});
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
