package com.crscompanion.channels.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crscompanion.conversation.internal.MessagesProperties;
import com.crscompanion.handoff.Coordinator;
import com.crscompanion.handoff.Handoff;
import com.crscompanion.handoff.Handoffs;
import com.crscompanion.history.ConversationRef;
import com.crscompanion.knowledge.KnowledgeBase;
import com.crscompanion.knowledge.Passage;
import com.crscompanion.safety.EmergencyReplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The web chat in a real headless Chromium at phone size, used as a family would: type, press Enter, read the
 * answer, tap a suggestion. Needs Debian's chromium and chromium-driver; in CI their absence is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	MessagesProperties messages;

	@Autowired
	WebChatProperties web;

	@Autowired
	EmergencyReplies emergencyReplies;

	@Autowired
	Handoffs handoffs;

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
				"--disable-sync", "--window-size=390,844",
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

	@BeforeEach
	void openTheChat() {
		// each test is a new family: a session of its own, with nothing pushed to it yet
		browser.get("http://127.0.0.1:" + this.port + "/");
		browser.executeScript("localStorage.clear();");
		browser.get("http://127.0.0.1:" + this.port + "/");
	}

	@Test
	void theEmergencyLineIsVisibleAtTheTopAndTheDisclaimerAtTheFoot() {
		WebElement emergency = browser.findElement(By.id("emergency-line"));
		assertThat(emergency.isDisplayed()).isTrue();
		assertThat(emergency.getText()).isEqualTo(this.web.emergencyLine());
		assertThat(emergency.getRect().getY()).isLessThan(200);
		assertThat(browser.findElement(By.id("disclaimer")).getText()).isEqualTo(this.web.disclaimer());
	}

	@Test
	void aQuestionTypedOnAPhoneGetsTheGuidePassageItsSectionAndTheDisclaimer() throws Exception {
		Passage expected = this.knowledge.current()
			.find("frequently-asked-questions/will-tocilizumab-affect-how-well-the")
			.orElseThrow();
		type("will the IL-6 drug stop the CAR-T working?");
		WebElement answer = waitForBotMessages(1).get(0);
		assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
		assertThat(answer.getText()).contains(expected.text()).contains(expected.source()).contains(this.messages.disclaimer());
		WebElement composer = browser.findElement(By.id("composer"));
		Number viewport = (Number) browser.executeScript("return window.innerHeight");
		assertThat(composer.getRect().getY() + composer.getRect().getHeight()).isLessThanOrEqualTo(viewport.intValue());
		screenshot("chat-answer-phone.png");
	}

	@Test
	void anUnansweredQuestionOffersSuggestionButtonsThatAskThem() throws Exception {
		type("who won the football last night");
		WebElement fallback = waitForBotMessages(1).get(0);
		assertThat(fallback.getAttribute("data-kind")).isEqualTo("fallback");
		List<WebElement> suggestions = fallback.findElements(By.cssSelector(".suggestions button"));
		assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		String asked = suggestions.get(0).getText();
		suggestions.get(0).click();
		List<WebElement> bot = waitForBotMessages(2);
		assertThat(bot.get(1).getAttribute("data-kind")).isEqualTo("answer");
		assertThat(browser.findElements(By.cssSelector(".msg.user"))).last().extracting(WebElement::getText).isEqualTo(asked);
		screenshot("chat-suggestions-phone.png");
	}

	@Test
	void aReportedDangerSignShowsTheEmergencyMessageFirst() throws Exception {
		type("他抽搐了");
		WebElement first = waitForBotMessages(1).get(0);
		assertThat(first.getAttribute("data-kind")).isEqualTo("emergency");
		assertThat(first.getText()).isEqualTo(this.emergencyReplies.emergencyMessage("zh"));
		screenshot("chat-emergency-phone.png");
	}

	@Test
	void aFamilyAsksForACoordinatorAndTheCoordinatorsAnswerAppearsWithoutReloading() throws Exception {
		browser.findElement(By.id("human")).click();
		WebElement told = waitForBotMessages(1).get(0);
		assertThat(told.getText()).isEqualTo(this.messages.handoff().requested());
		String sessionId = (String) browser.executeScript("return localStorage.getItem('crs-session');");
		Handoff handoff = this.handoffs.openFor(new ConversationRef("web", sessionId)).orElseThrow();

		this.handoffs.reply(handoff.id(), new Coordinator("console:anna", "Anna"), "Hello, I am Anna. How is he?");
		WebElement answer = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> driver.findElements(By.cssSelector(".msg.coordinator")).stream().findFirst().orElse(null));
		assertThat(answer.getText()).isEqualTo(this.web.coordinatorPrefix() + " Anna\nHello, I am Anna. How is he?");
		screenshot("chat-coordinator-answer-phone.png");

		// held by the coordinator: the family's question goes to her, and the bot stays quiet
		type("what does tocilizumab do?");
		Thread.sleep(1000);
		assertThat(browser.findElements(By.cssSelector(".msg.bot"))).hasSize(1);
		this.handoffs.resolve(handoff.id(), new Coordinator("console:anna", "Anna"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector(".msg.pushed"))
			.stream()
			.anyMatch(m -> m.getText().contains("you are back with the CRS assistant")));
	}

	private static void type(String text) {
		WebElement box = browser.findElement(By.id("message"));
		box.sendKeys(text);
		box.sendKeys(Keys.ENTER);
	}

	private static List<WebElement> waitForBotMessages(int count) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
			List<WebElement> messages = driver.findElements(By.cssSelector(".msg.bot"));
			return (messages.size() >= count) ? messages : null;
		});
	}

	private static void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
