<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="10"/>
        <source>はい</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="10"/>
        <source>いいえ</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="14"/>
        <source>診断日時: %1</source>
        <translation>Diagnosed at: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="16"/>
        <source>■ バージョン</source>
        <translation>■ Versions</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="19"/>
        <source>■ 設定（秘密情報を除く）</source>
        <translation>■ Settings (secrets removed)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="22"/>
        <source>■ 住基システムへの接続</source>
        <translation>■ Connection to the registry</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="25"/>
        <location filename="../../ui/diagnostics/render.py" line="53"/>
        <location filename="../../ui/diagnostics/render.py" line="70"/>
        <source>  確認していません</source>
        <translation>  Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="28"/>
        <source>  接続できる: %1</source>
        <translation>  Reachable: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="29"/>
        <source>  証明書の検証: %1</source>
        <translation>  Certificate verified: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="31"/>
        <source>  応答時間: %1 ms</source>
        <translation>  Response time: %1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="33"/>
        <source>  サーバーのバージョン: %1</source>
        <translation>  Server version: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="39"/>
        <source>  証明書の主体: %1</source>
        <translation>  Certificate subject: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="40"/>
        <source>  発行者: %1</source>
        <translation>  Issuer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="41"/>
        <source>  有効期限: %1（残り %2 日）</source>
        <translation>  Expires: %1 (%2 days left)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="47"/>
        <source>  エラー: %1</source>
        <translation>  Error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="50"/>
        <source>■ カードリーダー</source>
        <translation>■ Card readers</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="55"/>
        <source>  PC/SC サービス: %1</source>
        <translation>  PC/SC service: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="60"/>
        <source>  リーダーが見つかりません</source>
        <translation>  No reader found</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="62"/>
        <source>カードあり</source>
        <translation>card present</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="63"/>
        <source>カードなし</source>
        <translation>no card</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="68"/>
        <source>■ プリンター</source>
        <translation>■ Printers</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="72"/>
        <source>  プリンターが見つかりません</source>
        <translation>  No printer found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/diagnostics/render.py" line="76"/>
        <source>■ ログ（最新 %n 行）</source>
        <translation>
            <numerusform>■ Log (last %n line)</numerusform>
            <numerusform>■ Log (last %n lines)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/sources.py" line="26"/>
        <source>診断情報の保存先</source>
        <translation>Save the diagnostic bundle as</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/sources.py" line="27"/>
        <source>ZIP ファイル (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="44"/>
        <source>診断を実行 (Ctrl+R)</source>
        <translation>Run diagnostics (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="47"/>
        <source>診断情報を書き出す (Ctrl+E)</source>
        <translation>Export diagnostic bundle (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="92"/>
        <source>診断中…</source>
        <translation>Diagnosing…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="109"/>
        <source>書き出し中…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="129"/>
        <source>診断が終わりました。</source>
        <translation>Diagnostics finished.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="135"/>
        <source>書き出しました: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="139"/>
        <source>書き出せませんでした（保存先を確認してください）。</source>
        <translation>Could not export (check the destination).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="143"/>
        <source>診断に失敗しました: %1</source>
        <translation>Diagnostics failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="298"/>
        <source>端末の診断</source>
        <translation>Terminal diagnostics</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="33"/>
        <source>画面をロックしました</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="39"/>
        <source>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</source>
        <translation>Personal data has been removed from the screen and from memory. Enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="47"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="49"/>
        <source>ロック解除 (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="52"/>
        <source>別の職員でログイン (F8)</source>
        <translation>Log in as someone else (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="61"/>
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="90"/>
        <source>ログイン中の職員: %1（%2）</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="115"/>
        <source>パスワードを入力してください。</source>
        <translation>Please enter your password.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell.py" line="274"/>
        <source>パスワードが違います（%n 回目）。</source>
        <translation>
            <numerusform>Wrong password (attempt %n).</numerusform>
            <numerusform>Wrong password (attempt %n).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="280"/>
        <source>アカウントがロックされました。管理責任者に連絡してください。</source>
        <translation>The account is locked. Please contact your supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="282"/>
        <source>セッションが終了しました。もう一度ログインしてください。</source>
        <translation>The session has ended. Please log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="286"/>
        <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
        <translation>Cannot reach the registry. Please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="288"/>
        <source>ロックを解除できませんでした。</source>
        <translation>Could not unlock.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="81"/>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>窓口端末</source>
        <translation>Counter terminal</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="102"/>
        <source>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</source>
        <translation>The settings file has an error. Please contact the terminal&apos;s administrator.
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>F12: 画面保護&#x3000;F11: ロック&#x3000;F9: ログアウト</source>
        <translation>F12: shield   F11: lock   F9: log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>画面保護</source>
        <translation>Shield screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>ロック</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>ログアウト</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>職員: %1（%2）</source>
        <translation>Staff: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>MaskedNumber</name>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="39"/>
        <source>個人番号</source>
        <translation>Individual number</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="42"/>
        <location filename="../../ui/widgets/masked_number.py" line="114"/>
        <source>番号を表示</source>
        <translation>Show number</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="45"/>
        <source>表示すると閲覧記録が残ります</source>
        <translation>Showing the number is recorded in the access log</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="109"/>
        <source>番号を隠す</source>
        <translation>Hide number</translation>
    </message>
</context>
<context>
    <name>Shield</name>
    <message>
        <location filename="../../ui/security/shield.py" line="48"/>
        <location filename="../../ui/security/shield.py" line="59"/>
        <source>画面を保護しています</source>
        <translation>The screen is shielded</translation>
    </message>
    <message>
        <location filename="../../ui/security/shield.py" line="50"/>
        <source>キーを押すかクリックすると作業に戻ります。</source>
        <translation>Press a key or click to return to work.</translation>
    </message>
    <message>
        <location filename="../../ui/security/shield.py" line="51"/>
        <source>F12: すぐに画面を保護</source>
        <translation>F12: shield the screen at once</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/login/page.py" line="25"/>
        <source>職員IDまたはパスワードが違います。</source>
        <translation>Wrong staff ID or password.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="27"/>
        <source>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</source>
        <translation>This ID is locked after repeated failures. Wait a while or contact your supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="29"/>
        <source>この端末は登録されていません。端末の管理者に連絡してください。</source>
        <translation>This terminal is not enrolled. Please contact the terminal&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="31"/>
        <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
        <translation>Cannot reach the registry. Please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="32"/>
        <source>ログインできませんでした。</source>
        <translation>Could not log in.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="42"/>
        <source>住民基本台帳 窓口端末</source>
        <translation>Resident register counter terminal</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="46"/>
        <source>ログインしてください。</source>
        <translation>Please log in.</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="51"/>
        <source>職員ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="55"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="57"/>
        <source>ログイン (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="64"/>
        <source>端末の診断 (Ctrl+Shift+D)</source>
        <translation>Terminal diagnostics (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="68"/>
        <source>職員ID(&amp;I)</source>
        <translation>Staff &amp;ID</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="69"/>
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="117"/>
        <source>職員IDとパスワードを入力してください。</source>
        <translation>Please enter your staff ID and password.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="308"/>
        <source>操作がなかったため、ログアウトしました。もう一度ログインしてください。</source>
        <translation>You were logged out after a period without activity. Please log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="310"/>
        <source>セッションが終了しました。もう一度ログインしてください。</source>
        <translation>The session has ended. Please log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="311"/>
        <source>ログアウトしました。ログインしてください。</source>
        <translation>You have logged out. Please log in.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspaces.py" line="55"/>
        <source>この業務の画面は今後のリリースで追加されます。</source>
        <translation>The screens for this work will come in a later release.</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="72"/>
        <location filename="../../ui/workspaces.py" line="85"/>
        <source>診断</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="79"/>
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="81"/>
        <source>カード交付</source>
        <translation>Card desk</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="83"/>
        <source>承認</source>
        <translation>Approvals</translation>
    </message>
</context>
</TS>
