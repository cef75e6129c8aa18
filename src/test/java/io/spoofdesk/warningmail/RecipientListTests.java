package io.spoofdesk.warningmail;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exported address books read as what they are, so drafts greet people by name. */
class RecipientListTests {

	@Test
	void outlookJapaneseCsvGivesFamilyAndGivenNameAndCompany() {
		Map<String, RecipientList.Person> people = RecipientList.peopleIn("""
				姓,名,電子メール アドレス,会社
				山田,太郎,yamada@example-shoji.co.jp,山田商事株式会社
				"鈴木","花子","hanako@gmail.com",
				""");
		assertThat(people.get("yamada@example-shoji.co.jp")).isEqualTo(new RecipientList.Person("山田 太郎", "山田商事株式会社"));
		assertThat(people.get("hanako@gmail.com")).isEqualTo(new RecipientList.Person("鈴木 花子", null));
	}

	@Test
	void thunderbirdCsvAndVcardGiveTheDisplayName() {
		assertThat(RecipientList.peopleIn("""
				First Name,Last Name,Display Name,Nickname,Primary Email,Organization
				Taro,Yamada,Taro Yamada,,taro@example.com,Example Inc.
				""").get("taro@example.com")).isEqualTo(new RecipientList.Person("Taro Yamada", "Example Inc."));
		assertThat(RecipientList.peopleIn("""
				BEGIN:VCARD
				VERSION:3.0
				FN:高橋 一郎
				ORG:高橋製作所;営業部
				EMAIL;TYPE=INTERNET:Takahashi@Takahashi-ss.example.jp
				END:VCARD
				""").get("takahashi@takahashi-ss.example.jp"))
			.isEqualTo(new RecipientList.Person("高橋 一郎", "高橋製作所 営業部"));
	}

	@Test
	void aVcard21ExportWithQuotedPrintableJapaneseAndFoldedLinesIsDecoded() {
		// as Outlook and Japanese phones export: no FN, the name in N, quoted-printable
		// UTF-8
		Map<String, RecipientList.Person> people = RecipientList.peopleIn("""
				BEGIN:VCARD
				VERSION:2.1
				N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=8E;;;
				ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0=E5=95=86=E4=BA=8B
				EMAIL;INTERNET;PREF:yamada@example-shoji.co.jp
				END:VCARD
				BEGIN:VCARD
				VERSION:3.0
				FN:Hanako
				  Suzuki
				EMAIL;TYPE=INTERNET:hanako@gmail.com
				EMAIL;TYPE=INTERNET:hanako.suzuki@example.com
				END:VCARD
				""");
		assertThat(people.get("yamada@example-shoji.co.jp")).isEqualTo(new RecipientList.Person("山田 太郎", "山田商事"));
		assertThat(people.get("hanako@gmail.com")).isEqualTo(new RecipientList.Person("Hanako Suzuki", null));
		assertThat(people.get("hanako.suzuki@example.com")).isEqualTo(new RecipientList.Person("Hanako Suzuki", null));
	}

	@Test
	void anOutlookCsvWithAnAddressOverSeveralLinesKeepsItsRows() {
		Map<String, RecipientList.Person> people = RecipientList.peopleIn("""
				表示名,電子メール アドレス,勤務先住所,会社
				佐藤 次郎,sato@example.jp,"東京都千代田区1-1
				ABCビル 3F, 受付",佐藤物産
				"田中 ""タナ"" 三郎",tanaka@example.jp,,田中工業
				""");
		assertThat(people.get("sato@example.jp")).isEqualTo(new RecipientList.Person("佐藤 次郎", "佐藤物産"));
		assertThat(people.get("tanaka@example.jp")).isEqualTo(new RecipientList.Person("田中 \"タナ\" 三郎", "田中工業"));
	}

	@Test
	void aBrokenCsvStillGivesItsAddressesButNoNames() {
		String text = "表示名,電子メール アドレス\n\"山田,yamada@example.jp\n";
		assertThat(RecipientList.peopleIn(text)).isEmpty();
		assertThat(RecipientList.parse(text, domain -> false).addressCount()).isEqualTo(1);
	}

	@Test
	void aReadingSaysWhatWasLeftOutAndWhy() {
		RecipientList.Reading reading = RecipientList.reading("""
				sato@aoba-shoji.co.jp, SATO@aoba-shoji.co.jp
				yamada@kitamura-seiki.co.jp
				suzuki@aoba-shoji;co.jp  takahashi@  @nobody
				"佐藤" <kato@aoba-shoji.co.jp>
				""", domain -> domain.equals("kitamura-seiki.co.jp"));

		assertThat(reading.kept()).isEqualTo(2);
		assertThat(reading.ours()).isEqualTo(1);
		assertThat(reading.duplicates()).isEqualTo(1);
		assertThat(reading.unreadable()).containsExactly("suzuki@aoba-shoji", "takahashi@", "@nobody");
		assertThat(reading.leftSomethingOut()).isTrue();
		assertThat(RecipientList.reading("a@example.jp\nb@example.jp", domain -> false).leftSomethingOut()).isFalse();
	}

	@Test
	void aPlainListNamesNobody() {
		assertThat(RecipientList.peopleIn("a@example.jp\nb@example.jp")).isEmpty();
	}

}
