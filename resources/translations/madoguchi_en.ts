<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
    <context>
        <name>Approvals</name>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="48" />
            <source>証明書の発行</source>
            <translation>Certificate issue</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="49" />
            <source>住民名簿の出力</source>
            <translation>Resident list export</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="78" />
            <source>依頼日時</source>
            <translation>Requested</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="78" />
            <source>依頼者</source>
            <translation>Requested by</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="79" />
            <source>端末</source>
            <translation>Terminal</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="79" />
            <source>作業</source>
            <translation>Job</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="80" />
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="80" />
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="92" />
            <source>承認(&amp;A)</source>
            <translation>&amp;Approve</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="93" />
            <source>却下(&amp;D)…</source>
            <translation>&amp;Decline…</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="94" />
            <source>更新(&amp;R)</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="98" />
            <source>承認待ちの依頼（全端末）</source>
            <translation>Requests awaiting approval (all terminals)</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="129" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the resident registry.</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="145" />
            <source>承認待ち %1件</source>
            <translation>%1 awaiting approval</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="146" />
            <source>承認待ちの依頼はありません。</source>
            <translation>No requests awaiting approval.</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="208" />
            <source>却下</source>
            <translation>Decline</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="209" />
            <source>却下の理由を入力してください。依頼した職員に伝わります。</source>
            <translation>Enter the reason for declining. The requesting clerk will see it.</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="229" />
            <source>依頼 %1 を承認しました。</source>
            <translation>Request %1 approved.</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="232" />
            <source>依頼 %1 を却下しました。</source>
            <translation>Request %1 declined.</translation>
        </message>
    </context>
    <context>
        <name>Audit</name>
        <message>
            <location filename="../../ui/audit/workspace.py" line="49" />
            <source>住民の検索</source>
            <translation>Resident search</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="50" />
            <source>住民記録の閲覧</source>
            <translation>Record viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="51" />
            <source>異動履歴の閲覧</source>
            <translation>History viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="52" />
            <source>世帯の閲覧</source>
            <translation>Household viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="53" />
            <source>異動届の入力</source>
            <translation>Move notification entered</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="54" />
            <source>異動届の確認</source>
            <translation>Move notification viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="55" />
            <source>証明書の無効化</source>
            <translation>Certificate voided</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="56" />
            <source>本人確認情報の通知</source>
            <translation>Identity information sent</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="57" />
            <source>ログイン</source>
            <translation>Login</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="58" />
            <source>ログアウト</source>
            <translation>Logout</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="59" />
            <source>ロック解除</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="60" />
            <source>パスワード誤りによる利用停止</source>
            <translation>Locked out after wrong passwords</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="61" />
            <source>検索回数超過による検索停止</source>
            <translation>Searches blocked (hourly limit)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="62" />
            <source>異動の確定</source>
            <translation>Move committed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="63" />
            <source>異動届の取消し</source>
            <translation>Move notification discarded</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="64" />
            <source>証明書の発行</source>
            <translation>Certificate issued</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="65" />
            <source>証明書の再交付</source>
            <translation>Certificate reissued</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="66" />
            <source>証明書の真正確認</source>
            <translation>Certificate verified</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="67" />
            <source>カード情報の閲覧</source>
            <translation>Card viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="68" />
            <source>カードの交付</source>
            <translation>Card issued</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="69" />
            <source>カードの一時停止</source>
            <translation>Card suspended</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="70" />
            <source>カードの一時停止解除</source>
            <translation>Card resumed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="71" />
            <source>カードの廃止</source>
            <translation>Card revoked</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="72" />
            <source>カードの回収</source>
            <translation>Card collected</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="73" />
            <source>本人確認</source>
            <translation>Identity check</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="74" />
            <source>個人番号の照合</source>
            <translation>Individual number compared</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="75" />
            <source>住民名簿の出力</source>
            <translation>Resident list exported</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="76" />
            <source>転出証明書情報の閲覧</source>
            <translation>Move-out certificate viewed</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="77" />
            <source>転出証明書情報の受信</source>
            <translation>Move-out certificate received</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="78" />
            <source>承認の依頼</source>
            <translation>Approval requested</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="79" />
            <source>承認</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="80" />
            <source>承認の却下</source>
            <translation>Approval declined</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="81" />
            <source>承認依頼の取下げ</source>
            <translation>Approval request withdrawn</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="82" />
            <source>同じ要求への再応答</source>
            <translation>Answer given again</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="83" />
            <source>監査記録の閲覧</source>
            <translation>Audit trail read</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="84" />
            <source>監査記録の改ざん検査</source>
            <translation>Audit chain verified</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="85" />
            <source>警告の解除</source>
            <translation>Alert resolved</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="88" />
            <source>成功</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="89" />
            <source>拒否</source>
            <translation>Refused</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="90" />
            <source>承認待ち</source>
            <translation>Awaiting approval</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="94" />
            <source>検索回数の上限超過（検索を停止中）</source>
            <translation>Search limit exceeded (searches blocked)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="105" />
            <source>権限のない操作: %1</source>
            <translation>Not permitted: %1</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="114" />
            <source>この方（ほか %1 名）</source>
            <translation>this person (and %1 others)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="115" />
            <source>この方</source>
            <translation>this person</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="118" />
            <source>%1 ほか %2 名</source>
            <translation>%1 and %2 others</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="127" />
            <source>あり</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="160" />
            <source>アクセス記録（開示請求・職員の操作）</source>
            <translation>Access records (disclosure requests, staff activity)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="164" />
            <source>宛名番号（10桁）: その方の記録を見た職員と日時</source>
            <translation>Resident ID (10 digits): who viewed the record, and when</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="168" />
            <source>職員ID: その職員の操作</source>
            <translation>Staff ID: what this staff member did</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="171" />
            <source>例: %1 または %2</source>
            <translation>e.g. %1 or %2</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="176" />
            <source>表示 (Enter)</source>
            <translation>Show (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="177" />
            <source>さらに表示 (Ctrl+PgDown)</source>
            <translation>More (Ctrl+PgDown)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="181" />
            <location filename="../../ui/audit/workspace.py" line="203" />
            <source>日時</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="181" />
            <location filename="../../ui/audit/workspace.py" line="204" />
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="182" />
            <location filename="../../ui/audit/workspace.py" line="204" />
            <source>端末</source>
            <translation>Terminal</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="182" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="183" />
            <source>対象の宛名番号</source>
            <translation>Resident IDs</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="183" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="184" />
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="184" />
            <source>詳細</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="188" />
            <source>宛名番号(&amp;R)</source>
            <translation>&amp;Resident ID</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="189" />
            <source>職員ID(&amp;S)</source>
            <translation>&amp;Staff ID</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="190" />
            <source>期間の始め(&amp;F)</source>
            <translation>&amp;From</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="191" />
            <source>期間の終わり(&amp;T)</source>
            <translation>&amp;To</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="201" />
            <source>未解除の警告</source>
            <translation>Open alerts</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="203" />
            <source>内容</source>
            <translation>Alert</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="207" />
            <source>解除(&amp;U)</source>
            <translation>Resolve (&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="208" />
            <source>更新 (Ctrl+R)</source>
            <translation>Refresh (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="242" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the registry.</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="291" />
            <source>該当する記録はありません。</source>
            <translation>No records.</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="293" />
            <source>新しい順に %1 件（さらに古い記録があります）</source>
            <translation>%1 records, newest first (older ones exist)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="295" />
            <source>新しい順に %1 件</source>
            <translation>%1 records, newest first</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="344" />
            <source>警告 %1 を解除しました。</source>
            <translation>Alert %1 resolved.</translation>
        </message>
    </context>
    <context>
        <name>CardDesk</name>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="43" />
            <source>券面事項入力補助用暗証番号（4桁）</source>
            <translation>Input-support PIN (4 digits)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="44" />
            <source>利用者証明用電子証明書の暗証番号（4桁）</source>
            <translation>User authentication certificate PIN (4 digits)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="45" />
            <source>署名用電子証明書のパスワード（6〜16桁）</source>
            <translation>Signature certificate password (6-16 characters)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="53" />
            <source>ロック中</source>
            <translation>Locked</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="55" />
            <source>照合済み</source>
            <translation>Verified</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="56" />
            <source>残り%1回</source>
            <translation>%1 tries left</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="79" />
            <source>カード確認 (F7)</source>
            <translation>Check card (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="82" />
            <source>暗証番号の残り回数</source>
            <translation>PIN tries left</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="91" />
            <source>本人による暗証番号の入力（4桁）</source>
            <translation>PIN entered by the card holder (4 digits)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="94" />
            <source>読み取り (Enter)</source>
            <translation>Read (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="100" />
            <source>券面の確認（照合番号B）</source>
            <translation>Card face (verification number B)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="108" />
            <source>西暦4桁</source>
            <translation>4-digit year</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="111" />
            <source>券面を読み取る</source>
            <translation>Read card face</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="114" />
            <location filename="../../ui/carddesk/tables.py" line="55" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="115" />
            <source>有効期限の年</source>
            <translation>Expiry year</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="116" />
            <source>セキュリティコード</source>
            <translation>Security code</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="201" />
            <location filename="../../ui/carddesk/desk_view.py" line="136" />
            <source>有効期限: %1</source>
            <translation>Expires: %1</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="204" />
            <source>有効期限が切れています。交付できません。</source>
            <translation>The card has expired and cannot be issued.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="77" />
            <source>カードを読み取っています…</source>
            <translation>Reading the card…</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="112" />
            <source>生年月日と有効期限の年を確認してください。</source>
            <translation>Check the date of birth and the expiry year.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="115" />
            <source>セキュリティコード（4桁）を入力してください。</source>
            <translation>Enter the security code (4 digits).</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="30" />
            <source>受領書を印刷 (Ctrl+P)</source>
            <translation>Print receipt (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="35" />
            <source>PDF（メモリ内・試験用）</source>
            <translation>PDF (in memory, for testing)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="40" />
            <source>プリンタ</source>
            <translation>Printer</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="40" />
            <location filename="../../ui/carddesk/workspace.py" line="86" />
            <source>交付</source>
            <translation>Issue</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="40" />
            <source>一時停止</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="41" />
            <source>一時停止解除</source>
            <translation>Resume</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="41" />
            <source>廃止</source>
            <translation>Revoke</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="42" />
            <source>回収</source>
            <translation>Collect</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="42" />
            <source>未交付</source>
            <translation>Not issued</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="43" />
            <source>交付済</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="43" />
            <source>一時停止中</source>
            <translation>Suspended</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="44" />
            <source>回収済</source>
            <translation>Collected</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="44" />
            <source>紛失</source>
            <translation>Lost</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="45" />
            <source>盗難</source>
            <translation>Stolen</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="45" />
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="46" />
            <source>本人からの返納</source>
            <translation>Returned by the holder</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="46" />
            <source>有効期限切れ</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="47" />
            <source>記載事項の変更</source>
            <translation>Change of recorded details</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="47" />
            <source>転出・死亡による失効</source>
            <translation>Void by moving out or death</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="54" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="54" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="55" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="56" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="76" />
            <source>一致</source>
            <translation>Match</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="76" />
            <source>不一致</source>
            <translation>Mismatch</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="89" />
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="103" />
            <location filename="../../ui/carddesk/tables.py" line="91" />
            <source>カード</source>
            <translation>Card</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="92" />
            <source>住民票</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="90" />
            <source>照合</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="96" />
            <source>日時</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="97" />
            <source>記録</source>
            <translation>Event</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="98" />
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="99" />
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="100" />
            <source>有効期限</source>
            <translation>Expiry</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="101" />
            <source>担当</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="113" />
            <source>%1の理由</source>
            <translation>Reason for %1</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="130" />
            <source>廃止したカードは元に戻せません（一時停止解除もできません）。この方が使うには新しいカードの交付が必要です。</source>
            <translation>A revoked card cannot be restored (nor resumed). This person will need a new card.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="138" />
            <source>廃止する</source>
            <translation>Revoke</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="139" />
            <source>理由を選ぶか入力してください。</source>
            <translation>Choose or type a reason.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="154" />
            <source>理由を入力してください。</source>
            <translation>Enter a reason.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="64" />
            <source>もう一度送信</source>
            <translation>Send again</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="76" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the resident registry.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="78" />
            <source>カードと住民票の照合</source>
            <translation>Card compared with the register</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="82" />
            <source>交付 (F10)</source>
            <translation>Issue (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="83" />
            <source>一時停止 (Alt+T)</source>
            <translation>Suspend (Alt+T)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="84" />
            <source>一時停止解除 (Alt+R)</source>
            <translation>Resume (Alt+R)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="85" />
            <source>廃止 (Alt+H)</source>
            <translation>Revoke (Alt+H)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="86" />
            <source>回収 (Alt+U)</source>
            <translation>Collect (Alt+U)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="96" />
            <source>記録の履歴</source>
            <translation>Event history</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="100" />
            <source>照合・記録</source>
            <translation>Check and record</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="101" />
            <source>交付受領書</source>
            <translation>Issue receipt</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="83" />
            <source>住民検索</source>
            <translation>Resident search</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="84" />
            <source>カード確認</source>
            <translation>Check card</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="85" />
            <source>暗証番号</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="91" />
            <source>受領書を印刷</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="126" />
            <source>住民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="127" />
            <source>消除</source>
            <translation>Removed</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="133" />
            <source>カードの状態: %1</source>
            <translation>Card state: %1</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="177" />
            <source>カードが置かれています。</source>
            <translation>A card is on the reader.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="179" />
            <source>カードをリーダーに置いてください。</source>
            <translation>Place the card on the reader.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="181" />
            <source>カードリーダーが見つかりません。</source>
            <translation>No card reader found.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/event_steps.py" line="79" />
            <source>%1を記録しました。</source>
            <translation>%1 recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="45" />
            <source>受領書を作成できませんでした。</source>
            <translation>The receipt could not be created.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="52" />
            <source>プリンタを開けませんでした。</source>
            <translation>The printer could not be opened.</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="56" />
            <source>受領書を%1枚印刷しました。</source>
            <translation>Printed %1 receipt page(s).</translation>
        </message>
    </context>
    <context>
        <name>CardPin</name>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="87" />
            <source>暗証番号</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="119" />
            <source>残り1回（次に間違えるとロックされ、窓口での再設定が必要です）</source>
            <translation>1 try left (one more wrong entry locks it; it must then be reset at the counter)</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="121" />
            <source>残り%1回</source>
            <translation>%1 tries left</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="127" />
            <source>ロックされています</source>
            <translation>Locked</translation>
        </message>
    </context>
    <context>
        <name>CertificateVerify</name>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="48" />
            <source>真正：本市が発行した証明書で、無効にされていません。</source>
            <translation>Genuine: issued by this city and not voided.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="50" />
            <source>改ざんの疑い：証明書番号と照合番号は正しいものの、入力した記載内容が発行時の内容と一致しません。</source>
            <translation>Possibly altered: the certificate number and code are correct, but the values entered do not match what was issued.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="52" />
            <source>無効：この証明書は無効にされています（再交付など）。有効な証明書として扱わないでください。</source>
            <translation>Void: this certificate has been voided (e.g. reissued). Do not accept it as valid.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="53" />
            <source>該当なし：この証明書番号と照合番号の組み合わせは発行記録にありません。偽造または入力誤りの可能性があります。</source>
            <translation>Not found: no certificate was issued with this number and code. It may be forged or mistyped.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="58" />
            <location filename="../../ui/certificates/verify_view.py" line="140" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="60" />
            <location filename="../../ui/certificates/verify_view.py" line="141" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="67" />
            <location filename="../../ui/certificates/verify_view.py" line="69" />
            <source>証明書番号：%1</source>
            <translation>Certificate number: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="70" />
            <source>種類：%1</source>
            <translation>Kind: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="72" />
            <source>発行日：%1</source>
            <translation>Issued on: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="74" />
            <source>発行通数：%1通</source>
            <translation>Copies issued: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="76" />
            <source>証明書番号 %1 の再交付として発行されたものです。</source>
            <translation>Issued as a reissue of certificate %1.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="79" />
            <source>無効の理由：%1</source>
            <translation>Reason for voiding: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="82" />
            <source>一致しない記載内容：%1</source>
            <translation>Values that do not match: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="85" />
            <source>発行時の内容と一致した記載内容：%1</source>
            <translation>Values that match what was issued: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="91" />
            <source>証明書番号を入力してください（QRコードの読み取りでも入力できます）。</source>
            <translation>Enter the certificate number (or scan the QR code).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="93" />
            <source>証明書番号は 2026-00000123 の形です。</source>
            <translation>The certificate number looks like 2026-00000123.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="95" />
            <source>照合番号を入力してください。</source>
            <translation>Enter the verification code.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="97" />
            <source>照合番号は英字と数字です（証明書の下欄に印字されています）。</source>
            <translation>The verification code is letters and digits (printed at the foot of the certificate).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="99" />
            <source>氏名は60文字以内で入力してください。</source>
            <translation>Enter at most 60 characters for the name.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="100" />
            <source>生年月日は 昭和55年2月17日 や S55.2.17 のように印字のとおり入力してください。</source>
            <translation>Enter the date of birth as printed, e.g. 昭和55年2月17日 or S55.2.17.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="114" />
            <source>証明書の真正確認</source>
            <translation>Verify a certificate</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="118" />
            <source>証明書の下欄に印字された証明書番号と照合番号を入力してください。QRコードを読み取ると両方が入ります。氏名・生年月日を入力すると、印字が発行時の内容と同じかどうかも確かめます。</source>
            <translation>Enter the certificate number and the verification code printed at the foot of the certificate. Scanning the QR code enters both. If you also enter the name and date of birth, they are checked against what was issued.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="122" />
            <source>2026-00000123（QRコードの読み取り可）</source>
            <translation>2026-00000123 (or scan the QR code)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="129" />
            <source>任意：印字された氏名</source>
            <translation>Optional: the name as printed</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="133" />
            <source>任意：印字された生年月日（例 昭和55年2月17日）</source>
            <translation>Optional: the date of birth as printed (e.g. 昭和55年2月17日)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="138" />
            <source>証明書番号</source>
            <translation>Certificate number</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="139" />
            <source>照合番号</source>
            <translation>Verification code</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="146" />
            <source>照会する (Enter)</source>
            <translation>Verify (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="148" />
            <source>次の証明書 (Ctrl+N)</source>
            <translation>Next certificate (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="149" />
            <source>証明書の発行に戻る (Esc)</source>
            <translation>Back to issuing (Esc)</translation>
        </message>
    </context>
    <context>
        <name>Certificates</name>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="87" />
            <source>発行(&amp;I)</source>
            <translation>&amp;Issue</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="88" />
            <source>印刷(&amp;P)</source>
            <translation>&amp;Print</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="89" />
            <source>再交付(&amp;R)…</source>
            <translation>&amp;Reissue…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="90" />
            <source>PDFに保存…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="91" />
            <source>新しい請求(&amp;N)</source>
            <translation>&amp;New request</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="92" />
            <source>真正確認… (Shift+F1)</source>
            <translation>Verify… (Shift+F1)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="102" />
            <source>設定された公印の画像が使えないため、証明書を発行できません。管理者に連絡してください。</source>
            <translation>The configured official seal image cannot be used, so no certificate can be issued. Please contact the administrator.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="105" />
            <source>この端末には公印の画像が設定されていないため、見本の印影に「見本」と重ねて印刷します。</source>
            <translation>No official seal image is configured on this terminal: certificates are printed with the specimen seal, marked 見本 (specimen).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="149" />
            <source>プリンタ</source>
            <translation>Printer</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="165" />
            <source>PDF（メモリ内・試験用）</source>
            <translation>PDF (in memory, for tests)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="235" />
            <source>%1　証明書番号 %2　%3通　手数料 %4円</source>
            <translation>%1  Serial %2  %3 copies  Fee ¥%4</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="242" />
            <source>証明書のフォントにない文字があるため印刷できません。外字の登録か代替文字を確認してください。</source>
            <translation>Cannot print: the certificate font lacks some characters. Register the gaiji or confirm a substitute character.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="246" />
            <source>プレビューを表示できないため印刷できません。</source>
            <translation>Cannot print: the preview cannot be shown.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="278" />
            <source>印刷しています…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="289" />
            <source>（設定の給紙トレイを指定できないため、プリンタの既定のトレイを使いました）</source>
            <translation> (the configured paper tray cannot be selected; the printer's default tray was used)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="301" />
            <source>印刷を中止しました。</source>
            <translation>Printing was cancelled.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="303" />
            <source>プリンタを開けませんでした。</source>
            <translation>The printer could not be opened.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="291" />
            <source>%1枚印刷しました。</source>
            <translation>Printed %1 sheet(s).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="319" />
            <source>再交付</source>
            <translation>Reissue</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="320" />
            <source>書き損じ・印刷不良の理由を入力してください。発行済みの証明書番号は無効になります。</source>
            <translation>Enter why the print was spoiled. The issued serial number will be voided.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="77" />
            <source>管理責任者の承認</source>
            <translation>Supervisor approval</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="78" />
            <source>件数が多いため、発行には管理責任者の承認が必要です。</source>
            <translation>This many documents need a supervisor's approval before they are issued.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="80" />
            <source>件数: %1通</source>
            <translation>Documents: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="86" />
            <source>例: 法務局への一括提出</source>
            <translation>e.g. bulk submission to the Legal Affairs Bureau</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="88" />
            <source>この端末で承認を受ける</source>
            <translation>Approve on this terminal</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="95" />
            <source>承認して発行(&amp;A)</source>
            <translation>&amp;Approve and issue</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="98" />
            <source>管理責任者の職員ID</source>
            <translation>Supervisor's staff ID</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="99" />
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="102" />
            <source>承認を依頼する（管理責任者の承認画面へ）</source>
            <translation>Request approval (to the supervisors' approval workspace)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="103" />
            <source>承認を依頼(&amp;Q)</source>
            <translation>Re&amp;quest approval</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="116" />
            <source>やめる</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="118" />
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="167" />
            <source>依頼を取り下げて戻る</source>
            <translation>Withdraw and go back</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="168" />
            <source>依頼番号 %1: 管理責任者の承認を待っています…</source>
            <translation>Request %1: waiting for a supervisor's approval…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="173" />
            <source>承認されませんでした。理由: %1</source>
            <translation>Not approved. Reason: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="177" />
            <source>承認の受け取りに失敗しました。もう一度依頼してください。</source>
            <translation>The approval could not be collected. Please request it again.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="17" />
            <source>住民票の写し（世帯連記式）</source>
            <translation>Copy of residence record (household)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="18" />
            <source>住民票の写し（個人票）</source>
            <translation>Copy of residence record (individual)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="19" />
            <source>除票の写し</source>
            <translation>Copy of removed residence record</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="20" />
            <source>住民票記載事項証明書</source>
            <translation>Certificate of residence record entries</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="21" />
            <source>転出証明書</source>
            <translation>Moving-out certificate</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="22" />
            <source>住民票コード通知書</source>
            <translation>Resident code notice</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="25" />
            <source>続柄</source>
            <translation>Relationship</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="26" />
            <source>世帯主</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="27" />
            <source>住民となった年月日</source>
            <translation>Date of becoming a resident</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="28" />
            <source>住所を定めた年月日</source>
            <translation>Date of settling at the address</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="29" />
            <source>前住所</source>
            <translation>Previous address</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="30" />
            <source>記載事由</source>
            <translation>Reason for the entry</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="31" />
            <source>旧氏</source>
            <translation>Former surname</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="32" />
            <source>通称</source>
            <translation>Alias</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="33" />
            <source>外国人住民の記載事項</source>
            <translation>Foreign resident items</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="34" />
            <source>本籍・筆頭者</source>
            <translation>Registered domicile and head</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="35" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="36" />
            <source>住民票コード</source>
            <translation>Resident code</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="39" />
            <source>本人</source>
            <translation>The person</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="40" />
            <source>同一世帯の者</source>
            <translation>Member of the same household</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="41" />
            <source>代理人（委任状）</source>
            <translation>Agent (power of attorney)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="42" />
            <source>第三者</source>
            <translation>Third party</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="43" />
            <source>公用請求</source>
            <translation>Public office</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="44" />
            <source>職務上請求</source>
            <translation>Licensed professional</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="47" />
            <source>証明書の種類を選んでください。</source>
            <translation>Choose the kind of certificate.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="48" />
            <source>対象者の宛名番号か世帯番号を入力してください。</source>
            <translation>Enter the persons' resident IDs or a household number.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="49" />
            <source>宛名番号と世帯番号のどちらか一方だけを入力してください。</source>
            <translation>Enter either resident IDs or a household number, not both.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="50" />
            <source>宛名番号は10桁の数字です。</source>
            <translation>A resident ID has 10 digits.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="51" />
            <source>一度に指定できるのは200人までです。</source>
            <translation>At most 200 persons at a time.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="52" />
            <source>世帯番号は10桁の数字です。</source>
            <translation>A household number has 10 digits.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="53" />
            <source>転出証明書は異動届の番号（32文字）から作成します。</source>
            <translation>A moving-out certificate is made from the move notification's number (32 characters).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="54" />
            <source>指定できない記載事項があります。</source>
            <translation>Some of the items cannot be requested.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="55" />
            <source>通数は1〜50です。</source>
            <translation>Copies: 1 to 50.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="56" />
            <source>請求者の種別を選んでください。</source>
            <translation>Choose the type of requester.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="57" />
            <source>請求者の宛名番号（10桁）を入力してください。</source>
            <translation>Enter the requester's resident ID (10 digits).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="58" />
            <source>請求者の氏名を入力してください。</source>
            <translation>Enter the requester's name.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="59" />
            <source>代理人の請求には委任状の確認が必要です。</source>
            <translation>An agent's request needs the power of attorney checked.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="60" />
            <source>第三者の請求には正当な理由（利用目的）が必要です。</source>
            <translation>A third party's request needs a legitimate interest (purpose).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="61" />
            <source>請求する機関の名称を入力してください。</source>
            <translation>Enter the name of the requesting office.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="62" />
            <source>資格の種類を選んでください。</source>
            <translation>Choose the profession.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="63" />
            <source>登録番号を入力してください。</source>
            <translation>Enter the registration number.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="64" />
            <source>理由を入力してください。</source>
            <translation>Enter a reason.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="65" />
            <source>目的を入力してください。</source>
            <translation>Enter the purpose.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="66" />
            <source>管理責任者の職員IDを入力してください。</source>
            <translation>Enter the supervisor's staff ID.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="67" />
            <source>管理責任者のパスワードを入力してください。</source>
            <translation>Enter the supervisor's password.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="68" />
            <source>200文字以内で入力してください。</source>
            <translation>Use at most 200 characters.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="73" />
            <source>件数が多いため、管理責任者の承認が必要です。</source>
            <translation>This many documents need a supervisor's approval.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="74" />
            <source>承認が使えません（使用済み・期限切れ・内容の違い）。もう一度承認を受けてください。</source>
            <translation>The approval cannot be used (already used, expired or for another job). Please get approval again.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="75" />
            <source>職員IDまたはパスワードが違います。</source>
            <translation>Wrong staff ID or password.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="76" />
            <source>このアカウントはロックされています。</source>
            <translation>This account is locked.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="77" />
            <source>自分の作業を自分で承認することはできません。</source>
            <translation>You cannot approve your own job.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="78" />
            <source>この操作の権限がありません。</source>
            <translation>You are not permitted to do this.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="79" />
            <source>本籍・筆頭者、個人番号、住民票コードは本人または同一世帯の方の請求にしか記載できません。</source>
            <translation>Registered domicile, individual number and resident code are only for the person or a member of the same household.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="80" />
            <source>個人番号を記載する権限がありません（職員ごとの設定です。管理者にお問い合わせください）。</source>
            <translation>You may not print individual numbers (a per-person setting; ask the administrator).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="81" />
            <source>支援措置（処理停止）のため、本人以外には発行できません。</source>
            <translation>Under a support measure (processing stop): only the person may be issued certificates.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="82" />
            <source>請求者と対象者の関係が合いません。本人以外の方も載せるとき（世帯全員など）は、請求者を「同一世帯の者」にしてください。</source>
            <translation>The requester does not fit the persons asked for. To include others (the whole household, say), choose “Member of the same household” as the requester.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="83" />
            <source>この証明書は既に無効にされています。</source>
            <translation>This certificate has already been voided.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="84" />
            <source>この依頼は既に処理されています。</source>
            <translation>This request has already been decided.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="85" />
            <source>指定された承認の依頼が見つかりません。</source>
            <translation>The approval request was not found.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="86" />
            <source>住基システムに接続できません。もう一度実行してください（二重には発行されません）。</source>
            <translation>Cannot reach the resident registry. Try again (nothing is issued twice).</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="87" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>The session has ended. Please log in again.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="112" />
            <source>処理できませんでした。</source>
            <translation>Could not be processed.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="61" />
            <source>宛名番号（複数は空白で区切る）</source>
            <translation>Resident IDs (separated by spaces)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="63" />
            <source>世帯全員のときは世帯番号</source>
            <translation>Household number, for the whole household</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="66" />
            <source>転出の異動届の番号</source>
            <translation>Number of the moving-out notification</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="70" />
            <source>記載事項（指定がなければ本人・世帯は標準の項目）</source>
            <translation>Items (none chosen: the standard items for the person or household)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="84" />
            <source>委任状を確認した</source>
            <translation>Power of attorney checked</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="106" />
            <source>証明書の種類</source>
            <translation>Kind of certificate</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="107" />
            <source>対象者（宛名番号）</source>
            <translation>Persons (resident IDs)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="108" />
            <source>世帯番号</source>
            <translation>Household number</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="109" />
            <source>異動届の番号</source>
            <translation>Move notification number</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="110" />
            <source>通数</source>
            <translation>Copies</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="98" />
            <source>請求者</source>
            <translation>Requester</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="99" />
            <source>請求者の宛名番号</source>
            <translation>Requester's resident ID</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="100" />
            <source>請求者の氏名</source>
            <translation>Requester's name</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="102" />
            <source>請求の理由（利用目的）</source>
            <translation>Reason for the request (purpose)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="103" />
            <source>請求機関</source>
            <translation>Requesting office</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="104" />
            <source>資格</source>
            <translation>Profession</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="105" />
            <source>登録番号</source>
            <translation>Registration number</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="47" />
            <location filename="../../ui/certificates/preview.py" line="106" />
            <source>発行するとここに印刷プレビューが表示されます。</source>
            <translation>The print preview appears here once issued.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="79" />
            <source>この端末には PDF プレビュー（QtPdf）がありません。印刷できません。</source>
            <translation>This terminal has no PDF preview (QtPdf). Printing is not possible.</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="89" />
            <source>証明書を表示できませんでした。</source>
            <translation>The certificate could not be shown.</translation>
        </message>
    </context>
    <context>
        <name>Counter</name>
        <message>
            <location filename="../../ui/counter/workspace.py" line="76" />
            <source>住民検索 (F6)</source>
            <translation>Resident search (F6)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="77" />
            <source>異動届 (F7)</source>
            <translation>Move notice (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="81" />
            <source>証明書 (F1)</source>
            <translation>Certificates (F1)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="85" />
            <source>本人確認 (Shift+F6)</source>
            <translation>Identity check (Shift+F6)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="94" />
            <source>住民検索</source>
            <translation>Resident search</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="95" />
            <source>異動届</source>
            <translation>Move notice</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="96" />
            <source>この方の異動届</source>
            <translation>Notice for this person</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="98" />
            <source>次へ・確定</source>
            <translation>Next / commit</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="102" />
            <source>証明書</source>
            <translation>Certificates</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="105" />
            <source>この方の証明書</source>
            <translation>Certificate for this person</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="106" />
            <source>真正確認</source>
            <translation>Verify certificate</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="114" />
            <source>本人確認</source>
            <translation>Identity check</translation>
        </message>
    </context>
    <context>
        <name>CounterInput</name>
        <message>
            <location filename="../../ui/counter/inputs.py" line="38" />
            <source>令和</source>
            <translation>Reiwa</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="38" />
            <source>平成</source>
            <translation>Heisei</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="39" />
            <source>昭和</source>
            <translation>Showa</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="39" />
            <source>大正</source>
            <translation>Taisho</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="40" />
            <source>明治</source>
            <translation>Meiji</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="40" />
            <source>西暦</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="53" />
            <source>例: R7.2.13</source>
            <translation>e.g. R7.2.13</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="107" />
            <source>（日付として読めません）</source>
            <translation>(not a date)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="180" />
            <location filename="../../ui/search/results.py" line="38" />
            <source>男</source>
            <translation>Male</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="180" />
            <location filename="../../ui/search/results.py" line="38" />
            <source>女</source>
            <translation>Female</translation>
        </message>
    </context>
    <context>
        <name>CounterRecord</name>
        <message>
            <location filename="../../ui/search/record.py" line="39" />
            <source>日本人住民</source>
            <translation>Japanese resident</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="40" />
            <source>外国人住民</source>
            <translation>Foreign resident</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="54" />
            <location filename="../../ui/search/record.py" line="126" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="55" />
            <location filename="../../ui/search/record.py" line="127" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="56" />
            <source>住民の種別</source>
            <translation>Resident type</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="58" />
            <location filename="../../ui/search/record.py" line="134" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="59" />
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="60" />
            <source>世帯番号</source>
            <translation>Household number</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="61" />
            <location filename="../../ui/search/record.py" line="125" />
            <source>続柄</source>
            <translation>Relationship</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="62" />
            <source>住民票コード</source>
            <translation>Resident code</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="63" />
            <source>住民となった日</source>
            <translation>Became a resident on</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="64" />
            <source>住所を定めた日</source>
            <translation>Address set on</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="65" />
            <source>前住所</source>
            <translation>Previous address</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="66" />
            <source>転出先</source>
            <translation>Moved out to</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="67" />
            <source>本籍</source>
            <translation>Registered domicile</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="68" />
            <source>筆頭者</source>
            <translation>Head of family register</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="69" />
            <source>旧氏</source>
            <translation>Former surname</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="70" />
            <source>通称</source>
            <translation>Alias</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="71" />
            <source>国籍・地域</source>
            <translation>Nationality or region</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="72" />
            <source>在留資格</source>
            <translation>Status of residence</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="73" />
            <source>在留期間の満了日</source>
            <translation>Period of stay ends</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="74" />
            <source>消除</source>
            <translation>Removed</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="76" />
            <source>最新の異動</source>
            <translation>Latest change</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="77" />
            <source>（期間経過）</source>
            <translation>(late notice)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="124" />
            <location filename="../../ui/search/record.py" line="133" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="129" />
            <source>版</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="130" />
            <source>異動事由</source>
            <translation>Reason for change</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="131" />
            <source>異動日</source>
            <translation>Date of change</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="132" />
            <source>届出日</source>
            <translation>Notified on</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="145" />
            <source>この方の異動届 (F8)</source>
            <translation>Notice for this person (F8)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="149" />
            <source>この方の証明書 (Shift+F8)</source>
            <translation>Certificate for this person (Shift+F8)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="151" />
            <source>本人確認 (Shift+F6)</source>
            <translation>Identity check (Shift+F6)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="169" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="171" />
            <source>世帯</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="173" />
            <source>履歴（古い順）</source>
            <translation>History (oldest first)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="191" />
            <source>処理停止（支援措置）: 本人以外への証明書の交付はできません。</source>
            <translation>Processing stop (support measure): certificates may be issued to the person only.</translation>
        </message>
    </context>
    <context>
        <name>CounterSearch</name>
        <message>
            <location filename="../../ui/search/form.py" line="33" />
            <source>住民票コードで検索します。</source>
            <translation>Searching by resident code.</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="35" />
            <source>検索できます（Enter）。</source>
            <translation>Ready to search (Enter).</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="37" />
            <source>氏名・生年月日・住所のうち二つ以上を入力してください。</source>
            <translation>Enter at least two of name, date of birth and address.</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="38" />
            <source>あと一つ、氏名・生年月日・住所のいずれかを入力してください（性別は数えません）。</source>
            <translation>One more item please: name, date of birth or address (sex does not count).</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="50" />
            <source>漢字またはかな（前方一致）</source>
            <translation>Kanji or kana (prefix)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="55" />
            <source>町名から（例: 池田）</source>
            <translation>From the town name (e.g. 池田)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="56" />
            <source>指定なし</source>
            <translation>Any</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="72" />
            <source>検索 (Enter)</source>
            <translation>Search (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="74" />
            <source>条件をクリア</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="77" />
            <source>氏名(&amp;N)</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="78" />
            <source>生年月日(&amp;B)</source>
            <translation>Date of &amp;birth</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="79" />
            <source>住所(&amp;A)</source>
            <translation>&amp;Address</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="80" />
            <source>性別(&amp;S)</source>
            <translation>&amp;Sex</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="81" />
            <source>住民票コード(&amp;C)</source>
            <translation>Resident &amp;code</translation>
        </message>
        <message>
            <location filename="../../ui/search/page.py" line="79" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the resident registry.</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="43" />
            <source>住民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="44" />
            <source>消除</source>
            <translation>Removed</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="60" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="61" />
            <source>フリガナ</source>
            <translation>Reading</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="61" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="62" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="63" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="62" />
            <source>続柄</source>
            <translation>Relationship</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="60" />
            <source>状態</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="74" />
            <source>検索結果</source>
            <translation>Search results</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="78" />
            <source>さらに表示 (Ctrl+PgDown)</source>
            <translation>More (Ctrl+PgDown)</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="103" />
            <source>該当 %1 件以上（続きは「さらに表示」）</source>
            <translation>%1 or more matches (more with “More”)</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="106" />
            <source>該当 %1 件</source>
            <translation>%1 found</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="108" />
            <source>該当する住民はいません。</source>
            <translation>No resident found.</translation>
        </message>
    </context>
    <context>
        <name>Diagnostics</name>
        <message numerus="yes">
            <location filename="../../ui/diagnostics/render.py" line="77" />
            <source>■ ログ（最新 %n 行）</source>
            <translation>
                <numerusform>■ Log (last %n line)</numerusform>
                <numerusform>■ Log (last %n lines)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="10" />
            <source>はい</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="10" />
            <source>いいえ</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="14" />
            <source>診断日時: %1</source>
            <translation>Diagnosed at: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="16" />
            <source>■ バージョン</source>
            <translation>■ Versions</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="19" />
            <source>■ 設定（秘密情報を除く）</source>
            <translation>■ Settings (secrets removed)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="22" />
            <source>■ 住基システムへの接続</source>
            <translation>■ Connection to the registry</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="25" />
            <location filename="../../ui/diagnostics/render.py" line="53" />
            <location filename="../../ui/diagnostics/render.py" line="70" />
            <source>  確認していません</source>
            <translation>  Not checked</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="28" />
            <source>  接続できる: %1</source>
            <translation>  Reachable: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="29" />
            <source>  証明書の検証: %1</source>
            <translation>  Certificate verified: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="31" />
            <source>  応答時間: %1 ms</source>
            <translation>  Response time: %1 ms</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="33" />
            <source>  サーバーのバージョン: %1</source>
            <translation>  Server version: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="39" />
            <source>  証明書の主体: %1</source>
            <translation>  Certificate subject: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="40" />
            <source>  発行者: %1</source>
            <translation>  Issuer: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="41" />
            <source>  有効期限: %1（残り %2 日）</source>
            <translation>  Expires: %1 (%2 days left)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="47" />
            <source>  エラー: %1</source>
            <translation>  Error: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="50" />
            <source>■ カードリーダー</source>
            <translation>■ Card readers</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="55" />
            <source>  PC/SC サービス: %1</source>
            <translation>  PC/SC service: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="60" />
            <source>  リーダーが見つかりません</source>
            <translation>  No reader found</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="62" />
            <source>カードあり</source>
            <translation>card present</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="63" />
            <source>カードなし</source>
            <translation>no card</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="68" />
            <source>■ プリンター</source>
            <translation>■ Printers</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="72" />
            <source>  プリンターが見つかりません</source>
            <translation>  No printer found</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="25" />
            <source>診断情報の保存先</source>
            <translation>Save the diagnostic bundle as</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="26" />
            <source>ZIP ファイル (*.zip)</source>
            <translation>ZIP files (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="30" />
            <source>保存する場所(&amp;L):</source>
            <translation>Save &amp;in:</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="31" />
            <source>ファイルの種類(&amp;T):</source>
            <translation>Files of &amp;type:</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="44" />
            <source>診断を実行 (Ctrl+R)</source>
            <translation>Run diagnostics (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="47" />
            <source>診断情報を書き出す (Ctrl+E)</source>
            <translation>Export diagnostic bundle (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="96" />
            <source>診断中…</source>
            <translation>Diagnosing…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="113" />
            <source>書き出し中…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="133" />
            <source>診断が終わりました。</source>
            <translation>Diagnostics finished.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="139" />
            <source>書き出しました: %1</source>
            <translation>Exported: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="143" />
            <source>書き出せませんでした（保存先を確認してください）。</source>
            <translation>Could not export (check the destination).</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="147" />
            <source>診断に失敗しました: %1</source>
            <translation>Diagnostics failed: %1</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="401" />
            <source>端末の診断</source>
            <translation>Terminal diagnostics</translation>
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="35" />
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="35" />
            <source>カード</source>
            <translation>Card</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="36" />
            <source>住民票</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="36" />
            <source>照合</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="53" />
            <source>一致</source>
            <translation>Match</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="54" />
            <location filename="../../ui/identity/comparison_table.py" line="70" />
            <source>不一致</source>
            <translation>Mismatch</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="60" />
            <source>カードを確認</source>
            <translation>Check card</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="63" />
            <source>暗証番号（ご本人が入力）</source>
            <translation>PIN (entered by the card holder)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="66" />
            <source>読み取る</source>
            <translation>Read</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="72" />
            <source>個人番号をもう一度照合</source>
            <translation>Check the individual number again</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="77" />
            <source>顔写真（照合番号B）</source>
            <translation>Face photo (verification number B)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="81" />
            <source>例: 2034</source>
            <translation>e.g. 2034</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="84" />
            <location filename="../../ui/identity/card_panel.py" line="98" />
            <source>セキュリティコード</source>
            <translation>Security code</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="85" />
            <source>顔写真を表示</source>
            <translation>Show face photo</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="92" />
            <source>本人と一致</source>
            <translation>Same person</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="94" />
            <source>一致しない</source>
            <translation>Not the same person</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="97" />
            <source>有効期限の年（西暦）</source>
            <translation>Expiry year (Gregorian)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="109" />
            <source>カードの確認を終える</source>
            <translation>Finish the card check</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="12" />
            <source>個人番号カード</source>
            <translation>Individual Number Card</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="13" />
            <source>運転免許証</source>
            <translation>Driver's licence</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="14" />
            <source>パスポート</source>
            <translation>Passport</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="15" />
            <source>在留カード</source>
            <translation>Residence card</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="17" />
            <source>特別永住者証明書</source>
            <translation>Special permanent resident certificate</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="19" />
            <source>健康保険の資格確認書類（保険証等）</source>
            <translation>Health insurance document (insurance card etc.)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="20" />
            <source>年金手帳・基礎年金番号通知書</source>
            <translation>Pension book or basic pension number notice</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="22" />
            <source>その他の官公署発行の書類（写真なし）</source>
            <translation>Other official document without photo</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="26" />
            <source>証明書の交付</source>
            <translation>Certificate issuance</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="27" />
            <source>異動届</source>
            <translation>Move notification</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="28" />
            <source>カードの手続</source>
            <translation>Card procedure</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="29" />
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="33" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="34" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="35" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="36" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="37" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/identity/page.py" line="115" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the resident registry.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="20" />
            <source>宛名番号（10桁）</source>
            <translation>Addressee number (10 digits)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="21" />
            <source>呼出</source>
            <translation>Look up</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="27" />
            <source>宛名番号</source>
            <translation>Addressee number</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="28" />
            <source>検索画面で開いている方は、その画面から本人確認を始められます。</source>
            <translation>For the person open in the search screen, start the identity check from there.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="32" />
            <source>写真付きの書類（1点で確認できます）</source>
            <translation>Photo ID (one suffices)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="33" />
            <source>写真のない書類（聞き取りと組み合わせます）</source>
            <translation>Documents without photo (combined with questions)</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="41" />
            <location filename="../../ui/identity/questions_step.py" line="25" />
            <source>次へ</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="46" />
            <source>確認の目的</source>
            <translation>Purpose of the check</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="29" />
            <source>聞き取った質問の数</source>
            <translation>Questions asked</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="30" />
            <source>正しく答えられた数</source>
            <translation>Answered correctly</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="33" />
            <source>本人確認済みとして記録</source>
            <translation>Record as confirmed</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="35" />
            <source>確認できなかったことを記録</source>
            <translation>Record as not confirmed</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="37" />
            <source>書類を選び直す</source>
            <translation>Choose documents again</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="78" />
            <source>次の方</source>
            <translation>Next person</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="37" />
            <source>写真付きの書類で確認できないため、住民票の記載事項（生年月日・世帯主・前住所など）について%1問以上聞き取ってください。</source>
            <translation>No photo ID confirms the identity: ask at least %1 questions about the registered data (date of birth, head of household, previous address, etc.).</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="55" />
            <source>提示された書類：%1</source>
            <translation>Documents presented: %1</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="87" />
            <source>本人確認済み</source>
            <translation>Identity confirmed</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="88" />
            <source>本人確認できず</source>
            <translation>Identity not confirmed</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="89" />
            <source>記録しました（%1、記録番号 %2）。</source>
            <translation>Recorded (%1, record number %2).</translation>
        </message>
        <message>
            <location filename="../../ui/identity/page.py" line="141" />
            <source>宛名番号 %1</source>
            <translation>Addressee number %1</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="156" />
            <source>個人番号カードをリーダーに置いてください。</source>
            <translation>Place the Individual Number Card on the reader.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="157" />
            <source>カードを確認しています…</source>
            <translation>Checking the card…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="158" />
            <source>ご本人に暗証番号（4桁）を入力してもらってください。</source>
            <translation>Ask the card holder to enter the 4-digit PIN.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="159" />
            <source>カードを読み取っています…</source>
            <translation>Reading the card…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="160" />
            <source>個人番号を住基システムで照合しています…</source>
            <translation>Checking the individual number with the registry…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="161" />
            <source>カードの記載事項と住民票を照合しました。</source>
            <translation>The card's items were compared with the register.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="162" />
            <source>顔写真を読み取っています…</source>
            <translation>Reading the face photo…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="163" />
            <source>顔写真とご本人を見比べてください。</source>
            <translation>Compare the face photo with the person.</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="166" />
            <source>この端末にはカードリーダーがありません。</source>
            <translation>This terminal has no card reader.</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="33" />
            <source>画面をロックしました</source>
            <translation>The screen is locked</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="39" />
            <source>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</source>
            <translation>Personal data has been removed from the screen and from memory. Enter your password to continue.</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="47" />
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="49" />
            <source>ロック解除 (Enter)</source>
            <translation>Unlock (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="52" />
            <source>別の職員でログイン (F8)</source>
            <translation>Log in as someone else (F8)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="61" />
            <source>パスワード(&amp;P)</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="90" />
            <source>ログイン中の職員: %1（%2）</source>
            <translation>Logged in: %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="115" />
            <source>パスワードを入力してください。</source>
            <translation>Please enter your password.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/shell.py" line="380" />
            <source>パスワードが違います（%n 回目）。</source>
            <translation>
                <numerusform>Wrong password (attempt %n).</numerusform>
                <numerusform>Wrong password (attempt %n).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="411" />
            <source>アカウントがロックされました。管理責任者に連絡してください。</source>
            <translation>The account is locked. Please contact your supervisor.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="412" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>The session has ended. Please log in again.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="389" />
            <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
            <translation>Cannot reach the registry. Please try again in a moment.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="391" />
            <source>ロックを解除できませんでした。</source>
            <translation>Could not unlock.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/login/language.py" line="52" />
            <source>窓口端末</source>
            <translation>Counter terminal</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="188" />
            <source>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</source>
            <translation>The settings file has an error. Please contact the terminal's administrator.
%1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="129" />
            <source>F12: 画面保護　F11: ロック　F9: ログアウト</source>
            <translation>F12: shield   F11: lock   F9: log out</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>画面保護</source>
            <translation>Shield screen</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="131" />
            <source>ロック</source>
            <translation>Lock</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>ログアウト</source>
            <translation>Log out</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="163" />
            <source>職員: %1（%2）</source>
            <translation>Staff: %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>MaskedNumber</name>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="39" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="42" />
            <location filename="../../ui/widgets/masked_number.py" line="114" />
            <source>番号を表示</source>
            <translation>Show number</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="45" />
            <source>表示すると閲覧記録が残ります</source>
            <translation>Showing the number is recorded in the access log</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="109" />
            <source>番号を隠す</source>
            <translation>Hide number</translation>
        </message>
    </context>
    <context>
        <name>MoveCard</name>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="58" />
            <source>カードから入力</source>
            <translation>Fill from card</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="60" />
            <source>個人番号カードを読み取り、氏名・生年月日・性別・住所・個人番号を入力します。</source>
            <translation>Reads the Individual Number Card and fills in the name, date of birth, sex, address and individual number.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="63" />
            <source>暗証番号（4桁、カードの方が入力）</source>
            <translation>PIN (4 digits, typed by the card holder)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="67" />
            <source>読み取る (Enter)</source>
            <translation>Read (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="114" />
            <source>カードをリーダーに置き、カードの方に暗証番号を入力していただいてください。</source>
            <translation>Place the card on the reader and ask the card holder to type the PIN.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="123" />
            <source>暗証番号がロックされています。カードからは入力できません。</source>
            <translation>The PIN is locked. The form cannot be filled from this card.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="133" />
            <source>カードを読み取っています…</source>
            <translation>Reading the card…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="140" />
            <source>カードから入力しました。カードの記載と届書を照らして確認してください。</source>
            <translation>Filled from the card. Check the entries against the card and the notice form.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="152" />
            <source>カードを読み取れませんでした。</source>
            <translation>The card could not be read.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="212" />
            <source>転出証明書情報の選択</source>
            <translation>Choose the certificate of moving out</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/moves/card_fill.py" line="215" />
            <source>この方の転出証明書情報が%n件届いています。届書と照らして選んでください。</source>
            <translation>
                <numerusform>One certificate of moving out has arrived for this person. Check it against the notification form.</numerusform>
                <numerusform>%n certificates of moving out have arrived for this person. Choose the one that matches the notification form.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="222" />
            <source>受信日</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="223" />
            <source>転出元（団体コード）</source>
            <translation>Moving from (municipality code)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="224" />
            <source>転出予定日</source>
            <translation>Planned move-out date</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="242" />
            <source>選択 (Enter)</source>
            <translation>Choose (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="244" />
            <source>手入力する (Esc)</source>
            <translation>Enter by hand (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="74" />
            <source>転出証明書情報を照会しています…</source>
            <translation>Looking up the certificate of moving out…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="99" />
            <source>転出証明書情報が複数届いています。一覧から選んでください。</source>
            <translation>Several certificates of moving out have arrived. Choose one from the list.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="104" />
            <source>転出証明書情報が届いていません。転出元に確認してください。番号が分かる場合は欄に入力してください。</source>
            <translation>No certificate of moving out has arrived. Please check with the former municipality. If you know its number, enter it in the field.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="116" />
            <source>転出証明書情報を入力しました（%1受信、転出元 %2、転出予定日 %3）。</source>
            <translation>Certificate of moving out entered (received %1, from %2, planned move-out %3).</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="126" />
            <source>転出証明書情報を選びませんでした。欄に入力してください。</source>
            <translation>No certificate of moving out was chosen. Enter it in the field.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="135" />
            <source>転出証明書情報を照会できませんでした（%1）。欄に入力してください。</source>
            <translation>Could not look up the certificate of moving out (%1). Enter it in the field.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="49" />
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="49" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="50" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="50" />
            <source>住所（カード記載）</source>
            <translation>Address (on the card)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="51" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="138" />
            <source>カードの記載</source>
            <translation>On the card</translation>
        </message>
    </context>
    <context>
        <name>MoveField</name>
        <message>
            <location filename="../../ui/moves/address.py" line="64" />
            <location filename="../../ui/moves/labels.py" line="20" />
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="65" />
            <location filename="../../ui/moves/labels.py" line="21" />
            <source>町丁目</source>
            <translation>Town</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="66" />
            <location filename="../../ui/moves/labels.py" line="21" />
            <source>番地・号</source>
            <translation>Lot and number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="67" />
            <location filename="../../ui/moves/labels.py" line="22" />
            <source>方書</source>
            <translation>Building and room</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="16" />
            <source>異動の種別</source>
            <translation>Kind of move</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="16" />
            <source>届出日</source>
            <translation>Notified on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="17" />
            <source>異動日</source>
            <translation>Date of move</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="17" />
            <source>届出が遅れた理由</source>
            <translation>Reason for the late notice</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="18" />
            <source>職権処理の理由</source>
            <translation>Reason (ex officio)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="18" />
            <source>届出人氏名</source>
            <translation>Notifier's name</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="19" />
            <source>届出人と本人との関係</source>
            <translation>Notifier's relation to the person</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="19" />
            <source>異動者</source>
            <translation>Persons moving</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="20" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="22" />
            <source>世帯</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="23" />
            <source>世帯番号</source>
            <translation>Household number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="23" />
            <source>世帯の指定</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="24" />
            <source>前住所</source>
            <translation>Previous address</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="24" />
            <source>転出予定日</source>
            <translation>Planned move-out date</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="25" />
            <source>転出先</source>
            <translation>Moving to</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="25" />
            <source>残る世帯員</source>
            <translation>Members who stay</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="26" />
            <source>宛名番号</source>
            <translation>Person number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="26" />
            <source>氏</source>
            <translation>Family name</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="27" />
            <source>名</source>
            <translation>Given name</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="27" />
            <source>氏（フリガナ）</source>
            <translation>Family name (kana)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="28" />
            <source>名（フリガナ）</source>
            <translation>Given name (kana)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="28" />
            <source>生年月日</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="29" />
            <source>性別</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="29" />
            <source>住民の種別</source>
            <translation>Resident type</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="30" />
            <source>続柄</source>
            <translation>Relationship</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="30" />
            <source>住民票コード</source>
            <translation>Resident code</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="31" />
            <source>個人番号</source>
            <translation>Individual number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="31" />
            <source>本籍</source>
            <translation>Registered domicile</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="32" />
            <source>筆頭者</source>
            <translation>Head of family register</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="32" />
            <source>旧氏</source>
            <translation>Former surname</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="33" />
            <source>旧氏（フリガナ）</source>
            <translation>Former surname (kana)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="33" />
            <source>旧氏（ローマ字）</source>
            <translation>Former surname (romaji)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="34" />
            <source>国籍・地域</source>
            <translation>Nationality or region</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="35" />
            <source>法第30条の45に規定する区分</source>
            <translation>Category under Art. 30-45</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="36" />
            <source>在留資格</source>
            <translation>Status of residence</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="36" />
            <source>在留期間の満了日</source>
            <translation>Period of stay ends</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="37" />
            <source>在留カード等の番号</source>
            <translation>Residence card number</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="37" />
            <source>通称</source>
            <translation>Alias</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="38" />
            <source>通称（フリガナ）</source>
            <translation>Alias (kana)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="38" />
            <source>転出証明書情報</source>
            <translation>Move-out certificate data</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="39" />
            <source>世帯主</source>
            <translation>Head of household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="39" />
            <source>消除日</source>
            <translation>Removed on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="40" />
            <source>消除事由</source>
            <translation>Reason for removal</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="40" />
            <source>住民となった日</source>
            <translation>Became a resident on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="41" />
            <source>住民となった届出日</source>
            <translation>Became a resident, notified on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="41" />
            <source>住所を定めた日</source>
            <translation>Address set on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="42" />
            <source>住所を定めた届出日</source>
            <translation>Address set, notified on</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="42" />
            <source>処理停止</source>
            <translation>Processing stop</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="43" />
            <source>世帯員</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="43" />
            <source>異動事由</source>
            <translation>Reason for change</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="44" />
            <source>期間経過</source>
            <translation>Late notice</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="44" />
            <source>注意</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>MoveForm</name>
        <message>
            <location filename="../../ui/moves/address.py" line="43" />
            <source>例: 572-0001</source>
            <translation>e.g. 572-0001</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="47" />
            <source>町名または読みで探す</source>
            <translation>Find by town name or reading</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="159" />
            <source>世帯番号（10桁）</source>
            <translation>Household number (10 digits)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="73" />
            <source>%1の届出</source>
            <translation>Notice: %1</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="96" />
            <source>異動者を追加 (Ctrl+N)</source>
            <translation>Add a person (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="196" />
            <source>異動者 %1</source>
            <translation>Person %1</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="75" />
            <source>同じ世帯のまま</source>
            <translation>Same household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="76" />
            <source>新しい世帯をつくる</source>
            <translation>New household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="77" />
            <source>既存の世帯に入る</source>
            <translation>Join an existing household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="80" />
            <source>日本人住民</source>
            <translation>Japanese resident</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="81" />
            <source>外国人住民</source>
            <translation>Foreign resident</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="84" />
            <source>中長期在留者</source>
            <translation>Mid- to long-term resident</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="84" />
            <source>特別永住者</source>
            <translation>Special permanent resident</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="85" />
            <source>一時庇護許可者</source>
            <translation>Temporary refuge</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="85" />
            <source>仮滞在許可者</source>
            <translation>Provisional stay</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="86" />
            <source>出生による経過滞在者</source>
            <translation>Transitional stay by birth</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="87" />
            <source>国籍喪失による経過滞在者</source>
            <translation>Transitional stay by loss of nationality</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="28" />
            <source>%1（%2生、現在の続柄: %3）</source>
            <translation>%1 (born %2, now: %3)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="35" />
            <location filename="../../ui/moves/members.py" line="55" />
            <source>異動後の続柄</source>
            <translation>Relationship after the move</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="54" />
            <source>異動する方（Space で選択）</source>
            <translation>Persons moving (Space to select)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="77" />
            <source>異動する方を住民検索（F6）で開き、F8 でこの画面に移ってください。</source>
            <translation>Open the person in the resident search (F6), then press F8 to come here.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="82" />
            <source>届出の種類を選んでください。住民検索（F6）で開いた方の届出は F8 で始まります。</source>
            <translation>Choose the kind of notice. For a person opened in the resident search (F6), F8 starts a notice.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="96" />
            <source>届出の種類(&amp;K)</source>
            <translation>&amp;Kind of notice</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="114" />
            <source>住基システムに接続されていません。</source>
            <translation>Not connected to the resident registry.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="137" />
            <source>届出の種類を読み込めませんでした。</source>
            <translation>The kinds of notice could not be loaded.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="229" />
            <source>確認のため送信しています…</source>
            <translation>Sending for review…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="248" />
            <location filename="../../ui/moves/page.py" line="310" />
            <source>（F10 で再送）</source>
            <translation> (F10 to send again)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="283" />
            <source>確定しています…</source>
            <translation>Committing…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="327" />
            <source>最新の記録で作り直しています…</source>
            <translation>Drafting again from the current records…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="49" />
            <location filename="../../ui/moves/person.py" line="54" />
            <source>（選択）</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="121" />
            <source>この方を削除</source>
            <translation>Remove this person</translation>
        </message>
    </context>
    <context>
        <name>MoveKind</name>
        <message>
            <location filename="../../ui/moves/labels.py" line="56" />
            <source>転居</source>
            <translation>Move within the city</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="57" />
            <source>転入</source>
            <translation>Move-in</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="58" />
            <source>転出</source>
            <translation>Move-out</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="59" />
            <source>特例転入</source>
            <translation>Move-in with the card</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="60" />
            <source>世帯主変更</source>
            <translation>Change of head of household</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="61" />
            <source>世帯分離</source>
            <translation>Household split</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="62" />
            <source>世帯合併</source>
            <translation>Household merger</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="63" />
            <source>世帯構成変更</source>
            <translation>Household reorganisation</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="64" />
            <source>国外転入</source>
            <translation>Move-in from abroad</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="65" />
            <source>国外転出</source>
            <translation>Move-out abroad</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="66" />
            <source>記載事項変更</source>
            <translation>Change of recorded items</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="67" />
            <source>在留資格等変更</source>
            <translation>Change of residence status</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="68" />
            <source>出生</source>
            <translation>Birth</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="69" />
            <source>死亡</source>
            <translation>Death</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="70" />
            <source>職権記載</source>
            <translation>Ex officio entry</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="71" />
            <source>職権消除</source>
            <translation>Ex officio removal</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="72" />
            <source>職権修正</source>
            <translation>Ex officio correction</translation>
        </message>
    </context>
    <context>
        <name>MoveReview</name>
        <message>
            <location filename="../../ui/moves/page.py" line="278" />
            <source>届書と照合して、確認欄にチェックを入れてください。</source>
            <translation>Compare with the paper form and tick the confirmation.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="82" />
            <location filename="../../ui/moves/review.py" line="107" />
            <source>対象</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="82" />
            <location filename="../../ui/moves/review.py" line="107" />
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="83" />
            <source>変更前</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="83" />
            <source>変更後</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="84" />
            <source>注意</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="86" />
            <source>届書の記載内容と一致することを確認しました (Space)</source>
            <translation>I have checked that this matches the paper form (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="88" />
            <location filename="../../ui/moves/review.py" line="113" />
            <source>戻って修正 (Esc)</source>
            <translation>Back to edit (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="89" />
            <source>確定 (F10)</source>
            <translation>Commit (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="108" />
            <source>下書き作成時</source>
            <translation>When drafted</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="108" />
            <source>現在</source>
            <translation>Now</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="111" />
            <source>最新の記録で作り直す (F10)</source>
            <translation>Draft again from the current records (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="115" />
            <source>下書きの作成後に、この届出に関わる記録が他の処理で変更されました。変更された内容:</source>
            <translation>Since the draft was made, records of this notice were changed elsewhere. What changed:</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="129" />
            <source>新しい届出 (F7)</source>
            <translation>New notice (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="163" />
            <source>届出内容の確認（%1）</source>
            <translation>Review of the notice (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="175" />
            <source>変更された内容を調べています…</source>
            <translation>Looking up what changed…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="177" />
            <source>変更された項目を特定できませんでした。作り直して内容を確認してください。</source>
            <translation>What changed could not be determined. Draft again and check the review.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="187" />
            <source>確定済み（%1）</source>
            <translation>Committed (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="188" />
            <source>確定しました。</source>
            <translation>Committed.</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="191" />
            <source>%3（宛名番号 %1）: %2</source>
            <translation>%3 (resident ID %1): %2</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="192" />
            <source>宛名番号 %1: %2</source>
            <translation>Person number %1: %2</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="195" />
            <source>転出証明書の内容: %1 件</source>
            <translation>Move-out certificates: %1</translation>
        </message>
    </context>
    <context>
        <name>RegistryBanner</name>
        <message>
            <location filename="../../ui/banner.py" line="279" />
            <source>今すぐ再接続 (Ctrl+R)</source>
            <translation>Reconnect now (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/banner.py" line="313" />
            <source>住基システムの応答が遅れています。そのままお待ちください。入力した内容は保持されています。</source>
            <translation>The registry is answering slowly. Please wait; what you entered is kept.</translation>
        </message>
        <message>
            <location filename="../../ui/banner.py" line="319" />
            <source>住基システムに接続できません。自動的に再接続します（あと %1 秒）。入力した内容は保持されています。</source>
            <translation>Cannot reach the registry. Reconnecting automatically (in %1 s); what you entered is kept.</translation>
        </message>
    </context>
    <context>
        <name>Shield</name>
        <message>
            <location filename="../../ui/security/shield.py" line="48" />
            <location filename="../../ui/security/shield.py" line="59" />
            <source>画面を保護しています</source>
            <translation>The screen is shielded</translation>
        </message>
        <message>
            <location filename="../../ui/security/shield.py" line="50" />
            <source>キーを押すかクリックすると作業に戻ります。</source>
            <translation>Press a key or click to return to work.</translation>
        </message>
        <message>
            <location filename="../../ui/security/shield.py" line="51" />
            <source>F12: すぐに画面を保護</source>
            <translation>F12: shield the screen at once</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../ui/login/page.py" line="37" />
            <source>職員IDまたはパスワードが違います。</source>
            <translation>Wrong staff ID or password.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="39" />
            <source>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</source>
            <translation>This ID is locked after repeated failures. Wait a while or contact your supervisor.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="41" />
            <source>この端末は登録されていません。端末の管理者に連絡してください。</source>
            <translation>This terminal is not enrolled. Please contact the terminal's administrator.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="43" />
            <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
            <translation>Cannot reach the registry. Please try again in a moment.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="46" />
            <source>ログインできませんでした。</source>
            <translation>Could not log in.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="120" />
            <source>住民基本台帳 窓口端末</source>
            <translation>Resident register counter terminal</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="50" />
            <source>ログインしてください。</source>
            <translation>Please log in.</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="122" />
            <source>職員ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="123" />
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="126" />
            <source>ログイン (Enter)</source>
            <translation>Log in (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="128" />
            <source>端末の診断 (Ctrl+Shift+D)</source>
            <translation>Terminal diagnostics (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="124" />
            <source>職員ID(&amp;I)</source>
            <translation>Staff &amp;ID</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="125" />
            <source>パスワード(&amp;P)</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="45" />
            <source>職員IDとパスワードを入力してください。</source>
            <translation>Please enter your staff ID and password.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="417" />
            <source>操作がなかったため、ログアウトしました。もう一度ログインしてください。</source>
            <translation>You were logged out after a period without activity. Please log in again.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="419" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>The session has ended. Please log in again.</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="420" />
            <source>ログアウトしました。ログインしてください。</source>
            <translation>You have logged out. Please log in.</translation>
        </message>
        <message>
            <location filename="../../ui/login/language_choice.py" line="59" />
            <source>表示言語</source>
            <translation>Display language</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../../ui/workspaces.py" line="63" />
            <source>この業務の画面は今後のリリースで追加されます。</source>
            <translation>The screens for this work will come in a later release.</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="97" />
            <location filename="../../ui/workspaces.py" line="110" />
            <source>診断</source>
            <translation>Diagnostics</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="104" />
            <source>窓口</source>
            <translation>Counter</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="106" />
            <source>カード交付</source>
            <translation>Card desk</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="108" />
            <source>承認</source>
            <translation>Approvals</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="113" />
            <source>監査</source>
            <translation>Audit</translation>
        </message>
    </context>
</TS>
