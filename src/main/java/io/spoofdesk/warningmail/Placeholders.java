package io.spoofdesk.warningmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The strings a warning-mail template may use, and the sample values of the live preview.
 */
public final class Placeholders {

	public static final String PARTNER_COMPANY = "partnerCompany";

	public static final String CONTACT_NAME = "contactName";

	public static final String OUR_COMPANY = "ourCompany";

	public static final String IMPERSONATED_ADDRESSES = "impersonatedAddresses";

	public static final String OBSERVED_SUBJECTS = "observedSubjects";

	/** The senders (name and address as shown) of the incident's mails in our name. */
	public static final String SENDER_ADDRESSES = "senderAddresses";

	/** The attachment names of the incident's mails in our name. */
	public static final String ATTACHMENT_NAMES = "attachmentNames";

	public static final String FIRST_SEEN = "firstSeenDate";

	public static final String INCIDENT_REFERENCE = "incidentReference";

	public static final String CONTACT_PERSON = "contactPerson";

	public static final String CONTACT_PHONE = "contactPhone";

	public static final String CONTACT_EMAIL = "contactEmail";

	public static final Set<String> ALL = Set.of(PARTNER_COMPANY, CONTACT_NAME, OUR_COMPANY, IMPERSONATED_ADDRESSES,
			OBSERVED_SUBJECTS, SENDER_ADDRESSES, ATTACHMENT_NAMES, FIRST_SEEN, INCIDENT_REFERENCE, CONTACT_PERSON,
			CONTACT_PHONE, CONTACT_EMAIL);

	private Placeholders() {
	}

	/** Values for the preview, in the template's language. */
	public static Map<String, String> samples(String language) {
		boolean english = "en".equals(language);
		Map<String, String> values = new LinkedHashMap<>();
		values.put(PARTNER_COMPANY, english ? "Aoba Trading Co., Ltd." : "青葉トレーディング株式会社");
		values.put(CONTACT_NAME, english ? "Ms. Sato" : "佐藤 様");
		values.put(OUR_COMPANY, english ? "Kitamura Seiki Co., Ltd." : "北村精機株式会社");
		values.put(IMPERSONATED_ADDRESSES, "yamada@kitamura-seiki.co.jp");
		values.put(OBSERVED_SUBJECTS, english ? "\"Invoice\", \"Re: Quotation\"" : "「請求書送付」「Re: お見積り」");
		values.put(SENDER_ADDRESSES, english ? "Kitamura Seiki Sales <eigyo@cdn-upd.example.top>"
				: "北村精機株式会社 営業部 <eigyo@cdn-upd.example.top>");
		values.put(ATTACHMENT_NAMES, english ? "\"Invoice_2211.zip\"" : "「請求書_2211.zip」");
		values.put(FIRST_SEEN, "2026-11-24");
		values.put(INCIDENT_REFERENCE, "INC-2026-0042");
		values.put(CONTACT_PERSON, english ? "Taro Yamada, General Affairs" : "総務部 山田 太郎");
		values.put(CONTACT_PHONE, "03-1234-5678");
		values.put(CONTACT_EMAIL, "soumu@kitamura-seiki.co.jp");
		return values;
	}

}
