package io.spoofdesk.mailanalysis;

/** The explanations of attachment flags, in both languages. */
final class Reasons {

	private Reasons() {
	}

	static Text attachment(IndicatorCode code, String files) {
		return switch (code) {
			case ENCRYPTED_ARCHIVE ->
				new Text("パスワード付き (暗号化) ZIP が添付されています: " + files + "。ウイルス対策ソフトが中身を検査できません (Emotet の手口)。",
						"An encrypted (password-protected) archive is attached: " + files
								+ ". Antivirus cannot look inside (an Emotet pattern).");
			case MACRO_DOCUMENT -> new Text("マクロ付きの Office 文書です: " + files + "。「コンテンツの有効化」を押すと感染します。",
					"An Office document with macros: " + files + ". Enabling content runs the malware.");
			case SHORTCUT_FILE -> new Text("ショートカット (.lnk) ファイルです: " + files + "。開くとコマンドが実行されます。",
					"A shortcut (.lnk) file: " + files + ". Opening it runs a command.");
			case DISK_IMAGE -> new Text("ディスクイメージ (ISO/IMG/VHD) です: " + files + "。中の実行ファイルを隠す手口です。",
					"A disk image (ISO/IMG/VHD): " + files + ", used to hide executables.");
			case EXECUTABLE -> new Text("実行ファイル・スクリプトです: " + files + "。", "An executable or script: " + files + ".");
			case DOUBLE_EXTENSION -> new Text("拡張子を偽装したファイル名です: " + files + "。",
					"A file name that disguises its real extension: " + files + ".");
			case ARCHIVE_LIMIT_EXCEEDED -> new Text("検査の上限を超える圧縮ファイルです (圧縮爆弾・多重圧縮の疑い): " + files + "。",
					"An archive beyond the inspection limits (compression bomb or deep nesting?): " + files + ".");
			default -> new Text(code.name() + ": " + files, code.name() + ": " + files);
		};
	}

}
