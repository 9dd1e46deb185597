package com.crscompanion.knowledge.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeRepairTests {

	private static final Charset CP874 = Charset.forName("x-windows-874");

	private final MojibakeRepair repair = new MojibakeRepair(CP874, Map.of("โ", "—"));

	/** Damages text the way the website export does: UTF-8 bytes read as cp874. */
	private static String damage(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), CP874);
	}

	@ParameterizedTest
	@ValueSource(strings = { "above 38°C", "café au lait", "the opposite — it is", "a list • of items", "naïve, 40°C…" })
	void utf8ReadAsCp874IsDecodedBack(String original) {
		MojibakeRepair.Result result = this.repair.repair(damage(original));
		assertThat(result.text()).isEqualTo(original);
		assertThat(result.clean()).isTrue();
		assertThat(result.assumed()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain English stays as it is", "real punctuation — “quoted” stays", "38°C" })
	void textWithoutMojibakeIsUntouched(String text) {
		MojibakeRepair.Result result = this.repair.repair(text);
		assertThat(result.text()).isEqualTo(text);
		assertThat(result.certain()).isEmpty();
	}

	@Test
	void aLeadByteWhoseContinuationWasLostUsesTheTableAndSaysItAssumed() {
		MojibakeRepair.Result result = this.repair.repair("the opposite โ it is a sign");
		assertThat(result.text()).isEqualTo("the opposite — it is a sign");
		assertThat(result.assumed()).singleElement().asString().contains("continuation bytes were lost");
		assertThat(result.certain()).isEmpty();
	}

	@Test
	void unexplainedNonLatinTextIsReportedNotPassedAsClean() {
		assertThat(this.repair.repair("fever ฒฒ high").clean()).isFalse();
		assertThat(this.repair.repair("fever 发烧 high").unexplained()).containsExactly("发", "烧");
	}

}
