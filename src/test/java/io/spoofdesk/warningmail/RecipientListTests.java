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
	void aPlainListNamesNobody() {
		assertThat(RecipientList.peopleIn("a@example.jp\nb@example.jp")).isEmpty();
	}

}
