package com.crscompanion.safety;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmergencyGuardTests {

	private final EmergencyGuard guard = TestGuards.GUARD;

	@ParameterizedTest(name = "[{0}] {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			FEVER           | en | dad's temp is 39.2
			FEVER           | en | Is fever after CAR-T always CRS?
			FEVER           | en | she is running a temperature
			FEVER           | en | he feels feverish and is burning up
			FEVER           | en | mum spiked a high temp overnight
			FEVER           | en | bad chills and rigors
			BREATHING       | en | she cant breath
			BREATHING       | en | he is struggling to breathe
			BREATHING       | en | he is struggling a lot to breathe
			BREATHING       | en | breathing is hard
			BREATHING       | en | it is hard to breathe
			BREATHING       | en | short of breath when talking
			BREATHING       | en | his lips are blue
			BREATHING       | en | sats dropped to 88%
			BREATHING       | en | oxygen is low on the monitor
			NEUROLOGICAL    | en | mum is confused and does not know where she is
			NEUROLOGICAL    | en | his speech is slurred
			NEUROLOGICAL    | en | she has a tremor in both hands
			NEUROLOGICAL    | en | he cant find his words
			NEUROLOGICAL    | en | very drowsy today
			NEUROLOGICAL    | en | acting strangely since lunch
			SEIZURE         | en | he is having a seizure
			SEIZURE         | en | she had a fit in the night
			SEIZURE         | en | convulsing right now
			FAINTING        | en | he fainted in the bathroom
			FAINTING        | en | she passed out for a minute
			FAINTING        | en | dizzy every time he stands up
			FAINTING        | en | my husband collapsed
			HEART           | en | his heart is racing
			HEART           | en | pounding heart and low blood pressure
			HEART           | en | pulse 135 at rest
			HEART           | en | BP 85/50 this morning
			SEVERE_WEAKNESS | en | so weak he cannot stand up
			SEVERE_PAIN     | en | terrible pain in his chest
			SEVERE_PAIN     | en | screaming in pain
			RAPID_WORSENING | en | he is getting worse fast
			RAPID_WORSENING | en | she is deteriorating
			UNRESPONSIVE    | en | he wont wake up
			UNRESPONSIVE    | en | she is not responding
			UNRESPONSIVE    | en | unresponsive in bed
			FEVER           | zh | 他发烧了
			FEVER           | zh | 体温39度
			FEVER           | zh | 体温三十九度
			SEIZURE         | zh | 他抽搐了
			BREATHING       | zh | 呼吸很困难
			BREATHING       | zh | 喘不上气
			UNRESPONSIVE    | zh | 叫不醒他
			FAINTING        | zh | 刚才晕倒了
			FEVER           | ru | температура 39
			BREATHING       | ru | не может дышать
			SEIZURE         | ru | у неё судороги
			NEUROLOGICAL    | ru | он не узнаёт меня
			FEVER           | ar | عنده حرارة 39
			FEVER           | ar | هل الحمى خطيرة؟
			BREATHING       | ar | لا يستطيع التنفس
			SEIZURE         | ar | عنده تشنجات
			FEVER           | es | tiene fiebre
			BREATHING       | es | no puede respirar
			UNRESPONSIVE    | es | no responde
			FEVER           | fr | il a de la fièvre
			BREATHING       | fr | il n'arrive plus à respirer
			SEIZURE         | fr | il convulse
			""")
	void alarmsOnReports(DangerSign sign, String language, String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isTrue();
		assertThat(verdict.alarmingSigns()).contains(sign);
		assertThat(verdict.language()).isEqualTo(language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "how much does CAR-T cost", "hello, is anyone there?", "temperature is normal now, 36.8", "I'm confused about the bill",
			"is he fit to fly next week?", "the visa office is a pain in the neck", "we need some breathing space",
			"what is IL-6?", "CD19 negative relapse", "where can I buy a thermometer", "is grade 2 CRS common?",
			"the nurses are so patient", "he is responsive and chatty now", "my heart goes out to them",
			"keep fit and well", "a fit of laughter", "confused by the metro map", "谢谢", "CAR-T大概要多少钱？",
			"抖音上看到的", "какие часы посещения?", "я совсем запутался в этом счёте", "مرحبا", "hola",
			"estoy confundida con la factura", "bonjour", "la facture me donne mal a la tete" })
	void staysQuietOnEverydayMessages(String text) {
		assertThat(this.guard.assess(text).emergency()).as(text).isFalse();
	}

	/** Typo tolerance must not read a correctly spelt everyday word as the sign word it is one letter from. */
	@ParameterizedTest
	@ValueSource(strings = { "the dumplings here are delicious", "we are cooking in the hotel kitchen tonight",
			"mum is painting in the day room", "the nurse is sizing him for stockings", "he is grasping the basics",
			"she misses her garden planting", "is fever-tree tonic ok for him?", "i'm really glad we're out of it",
			"the hospital keeps asking us again for the deposit", "the cashier asked me 3 times for my passport",
			"i just nodded but didnt understand anything the doctor said" })
	void staysQuietOnEverydayWordsNextToSignWords(String text) {
		assertThat(this.guard.assess(text).emergency()).as(text).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "no fever since yesterday, when can we go home?",
			"not confused at all", "fever has gone", "the fever went away", "no more dizziness",
			"heart isnt racing anymore", "breathing is not hard", "no fever no confusion today",
			"she doesnt have a fever", "temp 37.0, no more fever", "没有发烧了", "这两天都没再发烧",
			"температуры больше нет", "температура 36,6 утром", "ya no tiene fiebre", "la fiebre se le quito",
			"il n'a plus de fièvre", "plus de vertiges depuis hier", "لم يعد مشوشا" })
	void standsDownWhenEverySignIsNegated(String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isFalse();
		assertThat(verdict.matches()).as(text).isNotEmpty().allMatch(SignMatch::negated);
	}

	/** Blood pressure in centimetres of mercury, as French and Spanish speakers write it: 8/5 is 80/50. */
	@Test
	void readsBloodPressureWrittenInCentimetres() {
		assertThat(this.guard.assess("la tension est a 8/5").emergency()).isTrue();
		assertThat(this.guard.assess("la presion esta en 8/5").emergency()).isTrue();
		assertThat(this.guard.assess("la tension est a 12/8").emergency()).isFalse();
		assertThat(this.guard.assess("on arrive le 8/5 au matin").emergency()).isFalse();
		assertThat(this.guard.assess("blood pressure 130/80, pain 6/10").emergency()).isFalse();
		assertThat(this.guard.assess("tension ok, douleur 7/10").emergency()).isFalse();
		assertThat(this.guard.assess("bp check booked for 5/12").emergency()).isFalse();
		assertThat(this.guard.assess("пульс 74, давление 120 на 80").emergency()).isFalse();
		assertThat(this.guard.assess("النبض ٧٥ والضغط ١٢٠ على ٨٠").emergency()).isFalse();
		assertThat(this.guard.assess("давление 80 на 50").emergency()).isTrue();
		assertThat(this.guard.assess("blood pressure 85 over 50").emergency()).isTrue();
	}

	/** A negation ends at a conjunction: what is said after it is not negated ("not eating and very confused"). */
	@ParameterizedTest
	@ValueSource(strings = { "he is not eating and very confused", "no appetite and feverish",
			"no come y tiene fiebre", "il ne dort pas et il est confus", "не спит и очень спутанный" })
	void aNegationEndsAtAConjunction(String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isTrue();
		assertThat(verdict.matches()).as(text).anyMatch(match -> !match.negated());
	}

	/** A sign phrase still reaches over the conjunction that ends negations ("severe and constant pain"). */
	@ParameterizedTest
	@ValueSource(strings = { "severe and constant pain", "not confused and not drowsy", "no fever and no chills",
			"fever and temp 36.8" })
	void aConjunctionLeavesPhrasesAndTheirOwnNegationsAlone(String text) {
		boolean negatedEach = !text.startsWith("severe");

		assertThat(this.guard.assess(text).emergency()).as(text).isEqualTo(!negatedEach);
	}

	@ParameterizedTest
	@ValueSource(strings = { "no seizure so far", "she hasnt had any fits", "he hasnt collapsed",
			"he is not unresponsive", "no blue lips", "没有抽搐", "нет судорог", "no convulsiona" })
	void severeSignsAlarmEvenWhenNegated(String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isTrue();
		assertThat(verdict.matches()).as(text).anyMatch(SignMatch::severe);
	}

	@ParameterizedTest
	@ValueSource(strings = { "no fever but very confused", "no fever, he cannot breathe",
			"fever has not gone", "the fever hasnt gone down", "no fever. Dizzy and confused though" })
	void alarmsWhenOnlySomeSignsAreNegated(String text) {
		assertThat(this.guard.assess(text).emergency()).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "39.2", "temp 38.0", "temp 39", "39C", "39 °C", "39°C", "39 degrees", "38,6 fever",
			"101.3F", "100.4 F", "temp 38.6", "thermometer says 38.4", "his temperature this morning was 38.6",
			"she has 38.3", "39度", "三十八度五", "体温38.5", "температура 39", "t 38,5°", "حرارته 38.5", "fiebre 39",
			"38,5 de température", "３９．２℃", "temp went from 37.8 to 38.8" })
	void alarmsOnFeverTemperatures(String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isTrue();
		assertThat(verdict.alarmingSigns()).contains(DangerSign.FEVER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "temp 36.8", "37.5", "temperature 37.9", "99F after a shower", "36,6", "体温36.7",
			"37.4 under the arm", "his chart shows 36 to 37 all week" })
	void staysQuietOnNormalTemperatures(String text) {
		assertThat(this.guard.assess(text).emergency()).as(text).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "room 39", "bed 38", "we are in room 39, temp check later", "CD19", "IL-6 level",
			"21/11", "2026-11-21", "10:39", "39,000 yuan", "paid 39,000 deposit", "call me at 139 3800 3912",
			"010-8838-3900", "flight CA938 at 19:40", "phone battery at 38%", "he turns 39 next week",
			"Guangzhou is 39 degrees outside today", "day 38 after infusion", "we walked 39 minutes",
			"section 38 of the form", "我们住39床", "мы в палате 39", "نحن في غرفة 39", "habitacion 39",
			"$39 for the taxi", "No.39 bus", "temp 38 yuan" })
	void staysQuietOnNumbersThatAreNotTemperatures(String text) {
		assertThat(this.guard.assess(text).emergency()).as(text).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			breahting is hard             | breahting is hard
			he had a siezure              | siezure
			temprature 38,6               | 38,6
			he is confussed               | confussed
			FEVER!!!                      | FEVER
			feverrr again                 | feverrr
			cant breatheee                | cant breatheee
			she CAN'T BREATHE             | CAN'T BREATHE
			he doesnt respond             | doesnt respond
			ｆｅｖｅｒ tonight              | ｆｅｖｅｒ
			Fièvre élevée                 | Fièvre
			Ｓｅｉｚｕｒｅ                 | Ｓｅｉｚｕｒｅ
			convulsión ahora              | convulsión
			😭😭 he is unresponsive 😭    | unresponsive
			he is uncon­scious            | uncon­scious
			""")
	void toleratesWhatFamiliesTypeAndPointsAtTheOriginalText(String text, String expectedSpan) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).as(text).isTrue();
		assertThat(verdict.matches()).extracting(SignMatch::matchedText).contains(expectedSpan);
		assertThat(verdict.matches())
			.allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.matchedText()));
	}

	@Test
	void reportsSignLanguageAndSpanOfEachMention() {
		String text = "Day 3: temp 39.1°C and she is confused";

		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict.emergency()).isTrue();
		assertThat(verdict.language()).isEqualTo("en");
		assertThat(verdict.matches()).extracting(SignMatch::sign, SignMatch::matchedText)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DangerSign.FEVER, "39.1°C"),
					org.assertj.core.groups.Tuple.tuple(DangerSign.NEUROLOGICAL, "confused"));
		assertThat(verdict.matches()).allSatisfy(m -> {
			assertThat(text.substring(m.start(), m.end())).isEqualTo(m.matchedText());
			assertThat(m.negated()).isFalse();
		});
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "😀😀😀🙏🏽👍", "\uD800", "\uDC00abc\uD800", "\u202Eمرحبا\u202C", "\u0000\u0001\u0002",
			"\uFDFA\uFDFA", "\u200B\u200B", "\uFFFE", "\uFFFF", "how much\uFFFEis the deposit\uFFFF" })
	void acceptsAnyInput(String text) {
		EmergencyVerdict verdict = this.guard.assess(text);

		assertThat(verdict).isNotNull();
		assertThat(verdict.emergency()).isFalse();
		assertThat(verdict.language()).isNotBlank();
	}

	@Test
	void readsASignBesideNoncharacters() {
		EmergencyVerdict verdict = this.guard.assess("\uFFFEhe is very confused\uFFFE\uFFFF");

		assertThat(verdict.emergency()).isTrue();
		assertThat(verdict.matches()).extracting(SignMatch::matchedText).containsExactly("confused");
	}

	@Test
	void readsArabicWrittenRightToLeftWithMarks() {
		EmergencyVerdict verdict = this.guard.assess("\u202Bأمي حرارتها ٣٩ بعد العلاج\u202C");

		assertThat(verdict.emergency()).isTrue();
		assertThat(verdict.language()).isEqualTo("ar");
		assertThat(verdict.matches()).extracting(SignMatch::matchedText).contains("٣٩");
	}

	@Test
	void survivesRandomBytesAndLongMessages() {
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			byte[] bytes = new byte[random.nextInt(2000)];
			random.nextBytes(bytes);
			assertThat(this.guard.assess(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
			char[] chars = new char[random.nextInt(2000)];
			for (int c = 0; c < chars.length; c++) {
				chars[c] = (char) random.nextInt(0x10000);
			}
			assertThat(this.guard.assess(new String(chars))).isNotNull();
		}
		String benign = "the hotel is fine and the canteen is open, room 39, ".repeat(2000);
		assertThat(this.guard.assess(benign).emergency()).isFalse();
		assertThat(this.guard.assess(benign + " he is having a seizure").emergency()).isTrue();
	}

	@Test
	void takesTimeInProportionToTheLength() {
		String unit = "no fever, confused? breathing is hard 38.5 aaaa can can can not not not 呼吸 不 ";
		String small = unit.repeat(100_000 / unit.length() / 16);
		String large = unit.repeat(100_000 / unit.length());
		for (int warmup = 0; warmup < 20; warmup++) {
			this.guard.assess(small);
			this.guard.assess(large);
		}
		long smallNanos = bestOf(small);
		long largeNanos = bestOf(large);

		assertThat(large.length()).isGreaterThan(99_000 - unit.length());
		assertThat(largeNanos).as("16x the text should take about 16x the time, not more than 64x")
			.isLessThan(smallNanos * 64);
	}

	private long bestOf(String text) {
		long best = Long.MAX_VALUE;
		for (int run = 0; run < 5; run++) {
			long start = System.nanoTime();
			this.guard.assess(text);
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}

	@Test
	void isDeterministic() {
		List<String> texts = List.of("temp 38.6 and confused", "没有发烧", "no fever but dizzy");
		for (String text : texts) {
			assertThat(this.guard.assess(text)).isEqualTo(this.guard.assess(text));
		}
	}

}
