package io.spoofdesk.settings;

import java.util.List;

/**
 * The free-mail and mobile-carrier domains SpoofDesk ships with: domains where unrelated
 * people have addresses. The settings page starts from this list; an admin may add or
 * remove domains there.
 */
public final class FreeMailDomainList {

	public static final List<String> SHIPPED = List.of("gmail.com", "googlemail.com", "yahoo.co.jp", "yahoo.com",
			"ymail.ne.jp", "outlook.jp", "outlook.com", "hotmail.com", "hotmail.co.jp", "live.jp", "live.com",
			"msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
			"mail.com", "yandex.com", "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp",
			"disney.ne.jp", "ymobile.ne.jp", "y-mobile.ne.jp", "emobile.ne.jp", "willcom.com", "rakuten.jp", "mineo.jp",
			"uqmobile.jp", "nifty.com", "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp", "plala.or.jp", "excite.co.jp",
			"goo.jp", "infoseek.jp", "livedoor.com", "excite.com", "zoho.com", "qq.com", "163.com", "naver.com");

	private FreeMailDomainList() {
	}

}
