<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ja">
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="10"/>
        <source>はい</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="10"/>
        <source>いいえ</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="14"/>
        <source>診断日時: %1</source>
        <translation>診断日時: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="16"/>
        <source>■ バージョン</source>
        <translation>■ バージョン</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="19"/>
        <source>■ 設定（秘密情報を除く）</source>
        <translation>■ 設定（秘密情報を除く）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="22"/>
        <source>■ 住基システムへの接続</source>
        <translation>■ 住基システムへの接続</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="25"/>
        <location filename="../../ui/diagnostics/render.py" line="53"/>
        <location filename="../../ui/diagnostics/render.py" line="70"/>
        <source>  確認していません</source>
        <translation>  確認していません</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="28"/>
        <source>  接続できる: %1</source>
        <translation>  接続できる: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="29"/>
        <source>  証明書の検証: %1</source>
        <translation>  証明書の検証: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="31"/>
        <source>  応答時間: %1 ms</source>
        <translation>  応答時間: %1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="33"/>
        <source>  サーバーのバージョン: %1</source>
        <translation>  サーバーのバージョン: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="39"/>
        <source>  証明書の主体: %1</source>
        <translation>  証明書の主体: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="40"/>
        <source>  発行者: %1</source>
        <translation>  発行者: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="41"/>
        <source>  有効期限: %1（残り %2 日）</source>
        <translation>  有効期限: %1（残り %2 日）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="47"/>
        <source>  エラー: %1</source>
        <translation>  エラー: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="50"/>
        <source>■ カードリーダー</source>
        <translation>■ カードリーダー</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="55"/>
        <source>  PC/SC サービス: %1</source>
        <translation>  PC/SC サービス: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="60"/>
        <source>  リーダーが見つかりません</source>
        <translation>  リーダーが見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="62"/>
        <source>カードあり</source>
        <translation>カードあり</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="63"/>
        <source>カードなし</source>
        <translation>カードなし</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="68"/>
        <source>■ プリンター</source>
        <translation>■ プリンター</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/render.py" line="72"/>
        <source>  プリンターが見つかりません</source>
        <translation>  プリンターが見つかりません</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/diagnostics/render.py" line="76"/>
        <source>■ ログ（最新 %n 行）</source>
        <translation>
            <numerusform>■ ログ（最新 %n 行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/sources.py" line="26"/>
        <source>診断情報の保存先</source>
        <translation>診断情報の保存先</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/sources.py" line="27"/>
        <source>ZIP ファイル (*.zip)</source>
        <translation>ZIP ファイル (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="44"/>
        <source>診断を実行 (Ctrl+R)</source>
        <translation>診断を実行 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="47"/>
        <source>診断情報を書き出す (Ctrl+E)</source>
        <translation>診断情報を書き出す (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="92"/>
        <source>診断中…</source>
        <translation>診断中…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="109"/>
        <source>書き出し中…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="129"/>
        <source>診断が終わりました。</source>
        <translation>診断が終わりました。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="135"/>
        <source>書き出しました: %1</source>
        <translation>書き出しました: %1</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="139"/>
        <source>書き出せませんでした（保存先を確認してください）。</source>
        <translation>書き出せませんでした（保存先を確認してください）。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics/view.py" line="143"/>
        <source>診断に失敗しました: %1</source>
        <translation>診断に失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="298"/>
        <source>端末の診断</source>
        <translation>端末の診断</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="33"/>
        <source>画面をロックしました</source>
        <translation>画面をロックしました</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="39"/>
        <source>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</source>
        <translation>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="47"/>
        <source>パスワード</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="49"/>
        <source>ロック解除 (Enter)</source>
        <translation>ロック解除 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="52"/>
        <source>別の職員でログイン (F8)</source>
        <translation>別の職員でログイン (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="61"/>
        <source>パスワード(&amp;P)</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="90"/>
        <source>ログイン中の職員: %1（%2）</source>
        <translation>ログイン中の職員: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/security/lock_screen.py" line="115"/>
        <source>パスワードを入力してください。</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell.py" line="274"/>
        <source>パスワードが違います（%n 回目）。</source>
        <translation>
            <numerusform>パスワードが違います（%n 回目）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="280"/>
        <source>アカウントがロックされました。管理責任者に連絡してください。</source>
        <translation>アカウントがロックされました。管理責任者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="282"/>
        <source>セッションが終了しました。もう一度ログインしてください。</source>
        <translation>セッションが終了しました。もう一度ログインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="286"/>
        <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
        <translation>住基システムに接続できません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="288"/>
        <source>ロックを解除できませんでした。</source>
        <translation>ロックを解除できませんでした。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="81"/>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>窓口端末</source>
        <translation>窓口端末</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="102"/>
        <source>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</source>
        <translation>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>F12: 画面保護&#x3000;F11: ロック&#x3000;F9: ログアウト</source>
        <translation>F12: 画面保護&#x3000;F11: ロック&#x3000;F9: ログアウト</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>画面保護</source>
        <translation>画面保護</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>ロック</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>ログアウト</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>職員: %1（%2）</source>
        <translation>職員: %1（%2）</translation>
    </message>
</context>
<context>
    <name>MaskedNumber</name>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="39"/>
        <source>個人番号</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="42"/>
        <location filename="../../ui/widgets/masked_number.py" line="114"/>
        <source>番号を表示</source>
        <translation>番号を表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="45"/>
        <source>表示すると閲覧記録が残ります</source>
        <translation>表示すると閲覧記録が残ります</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/masked_number.py" line="109"/>
        <source>番号を隠す</source>
        <translation>番号を隠す</translation>
    </message>
</context>
<context>
    <name>Shield</name>
    <message>
        <location filename="../../ui/security/shield.py" line="48"/>
        <location filename="../../ui/security/shield.py" line="59"/>
        <source>画面を保護しています</source>
        <translation>画面を保護しています</translation>
    </message>
    <message>
        <location filename="../../ui/security/shield.py" line="50"/>
        <source>キーを押すかクリックすると作業に戻ります。</source>
        <translation>キーを押すかクリックすると作業に戻ります。</translation>
    </message>
    <message>
        <location filename="../../ui/security/shield.py" line="51"/>
        <source>F12: すぐに画面を保護</source>
        <translation>F12: すぐに画面を保護</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/login/page.py" line="25"/>
        <source>職員IDまたはパスワードが違います。</source>
        <translation>職員IDまたはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="27"/>
        <source>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</source>
        <translation>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="29"/>
        <source>この端末は登録されていません。端末の管理者に連絡してください。</source>
        <translation>この端末は登録されていません。端末の管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="31"/>
        <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
        <translation>住基システムに接続できません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="32"/>
        <source>ログインできませんでした。</source>
        <translation>ログインできませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="42"/>
        <source>住民基本台帳 窓口端末</source>
        <translation>住民基本台帳 窓口端末</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="46"/>
        <source>ログインしてください。</source>
        <translation>ログインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="51"/>
        <source>職員ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="55"/>
        <source>パスワード</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="57"/>
        <source>ログイン (Enter)</source>
        <translation>ログイン (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="64"/>
        <source>端末の診断 (Ctrl+Shift+D)</source>
        <translation>端末の診断 (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="68"/>
        <source>職員ID(&amp;I)</source>
        <translation>職員ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="69"/>
        <source>パスワード(&amp;P)</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/login/page.py" line="117"/>
        <source>職員IDとパスワードを入力してください。</source>
        <translation>職員IDとパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="308"/>
        <source>操作がなかったため、ログアウトしました。もう一度ログインしてください。</source>
        <translation>操作がなかったため、ログアウトしました。もう一度ログインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="310"/>
        <source>セッションが終了しました。もう一度ログインしてください。</source>
        <translation>セッションが終了しました。もう一度ログインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="311"/>
        <source>ログアウトしました。ログインしてください。</source>
        <translation>ログアウトしました。ログインしてください。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspaces.py" line="55"/>
        <source>この業務の画面は今後のリリースで追加されます。</source>
        <translation>この業務の画面は今後のリリースで追加されます。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="72"/>
        <location filename="../../ui/workspaces.py" line="85"/>
        <source>診断</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="79"/>
        <source>窓口</source>
        <translation>窓口</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="81"/>
        <source>カード交付</source>
        <translation>カード交付</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.py" line="83"/>
        <source>承認</source>
        <translation>承認</translation>
    </message>
</context>
</TS>
