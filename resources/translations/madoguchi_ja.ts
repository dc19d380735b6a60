<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ja">
    <context>
        <name>Approvals</name>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="48" />
            <source>証明書の発行</source>
            <translation>証明書の発行</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="49" />
            <source>住民名簿の出力</source>
            <translation>住民名簿の出力</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="78" />
            <source>依頼日時</source>
            <translation>依頼日時</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="78" />
            <source>依頼者</source>
            <translation>依頼者</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="79" />
            <source>端末</source>
            <translation>端末</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="79" />
            <source>作業</source>
            <translation>作業</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="80" />
            <source>件数</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="80" />
            <source>目的</source>
            <translation>目的</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="92" />
            <source>承認(&amp;A)</source>
            <translation>承認(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="93" />
            <source>却下(&amp;D)…</source>
            <translation>却下(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="94" />
            <source>更新(&amp;R)</source>
            <translation>更新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="98" />
            <source>承認待ちの依頼（全端末）</source>
            <translation>承認待ちの依頼（全端末）</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="129" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="145" />
            <source>承認待ち %1件</source>
            <translation>承認待ち %1件</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="146" />
            <source>承認待ちの依頼はありません。</source>
            <translation>承認待ちの依頼はありません。</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="208" />
            <source>却下</source>
            <translation>却下</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="209" />
            <source>却下の理由を入力してください。依頼した職員に伝わります。</source>
            <translation>却下の理由を入力してください。依頼した職員に伝わります。</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="229" />
            <source>依頼 %1 を承認しました。</source>
            <translation>依頼 %1 を承認しました。</translation>
        </message>
        <message>
            <location filename="../../ui/approvals/workspace.py" line="232" />
            <source>依頼 %1 を却下しました。</source>
            <translation>依頼 %1 を却下しました。</translation>
        </message>
    </context>
    <context>
        <name>Audit</name>
        <message>
            <location filename="../../ui/audit/workspace.py" line="49" />
            <source>住民の検索</source>
            <translation>住民の検索</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="50" />
            <source>住民記録の閲覧</source>
            <translation>住民記録の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="51" />
            <source>異動履歴の閲覧</source>
            <translation>異動履歴の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="52" />
            <source>世帯の閲覧</source>
            <translation>世帯の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="53" />
            <source>異動届の入力</source>
            <translation>異動届の入力</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="54" />
            <source>異動届の確認</source>
            <translation>異動届の確認</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="55" />
            <source>証明書の無効化</source>
            <translation>証明書の無効化</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="56" />
            <source>本人確認情報の通知</source>
            <translation>本人確認情報の通知</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="57" />
            <source>ログイン</source>
            <translation>ログイン</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="58" />
            <source>ログアウト</source>
            <translation>ログアウト</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="59" />
            <source>ロック解除</source>
            <translation>ロック解除</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="60" />
            <source>パスワード誤りによる利用停止</source>
            <translation>パスワード誤りによる利用停止</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="61" />
            <source>検索回数超過による検索停止</source>
            <translation>検索回数超過による検索停止</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="62" />
            <source>異動の確定</source>
            <translation>異動の確定</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="63" />
            <source>異動届の取消し</source>
            <translation>異動届の取消し</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="64" />
            <source>証明書の発行</source>
            <translation>証明書の発行</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="65" />
            <source>証明書の再交付</source>
            <translation>証明書の再交付</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="66" />
            <source>証明書の真正確認</source>
            <translation>証明書の真正確認</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="67" />
            <source>カード情報の閲覧</source>
            <translation>カード情報の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="68" />
            <source>カードの交付</source>
            <translation>カードの交付</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="69" />
            <source>カードの一時停止</source>
            <translation>カードの一時停止</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="70" />
            <source>カードの一時停止解除</source>
            <translation>カードの一時停止解除</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="71" />
            <source>カードの廃止</source>
            <translation>カードの廃止</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="72" />
            <source>カードの回収</source>
            <translation>カードの回収</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="73" />
            <source>本人確認</source>
            <translation>本人確認</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="74" />
            <source>個人番号の照合</source>
            <translation>個人番号の照合</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="75" />
            <source>住民名簿の出力</source>
            <translation>住民名簿の出力</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="76" />
            <source>転出証明書情報の閲覧</source>
            <translation>転出証明書情報の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="77" />
            <source>転出証明書情報の受信</source>
            <translation>転出証明書情報の受信</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="78" />
            <source>承認の依頼</source>
            <translation>承認の依頼</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="79" />
            <source>承認</source>
            <translation>承認</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="80" />
            <source>承認の却下</source>
            <translation>承認の却下</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="81" />
            <source>承認依頼の取下げ</source>
            <translation>承認依頼の取下げ</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="82" />
            <source>同じ要求への再応答</source>
            <translation>同じ要求への再応答</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="83" />
            <source>監査記録の閲覧</source>
            <translation>監査記録の閲覧</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="84" />
            <source>監査記録の改ざん検査</source>
            <translation>監査記録の改ざん検査</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="85" />
            <source>警告の解除</source>
            <translation>警告の解除</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="88" />
            <source>成功</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="89" />
            <source>拒否</source>
            <translation>拒否</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="90" />
            <source>承認待ち</source>
            <translation>承認待ち</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="94" />
            <source>検索回数の上限超過（検索を停止中）</source>
            <translation>検索回数の上限超過（検索を停止中）</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="105" />
            <source>権限のない操作: %1</source>
            <translation>権限のない操作: %1</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="114" />
            <source>この方（ほか %1 名）</source>
            <translation>この方（ほか %1 名）</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="115" />
            <source>この方</source>
            <translation>この方</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="118" />
            <source>%1 ほか %2 名</source>
            <translation>%1 ほか %2 名</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="127" />
            <source>あり</source>
            <translation>あり</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="160" />
            <source>アクセス記録（開示請求・職員の操作）</source>
            <translation>アクセス記録（開示請求・職員の操作）</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="164" />
            <source>宛名番号（10桁）: その方の記録を見た職員と日時</source>
            <translation>宛名番号（10桁）: その方の記録を見た職員と日時</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="168" />
            <source>職員ID: その職員の操作</source>
            <translation>職員ID: その職員の操作</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="171" />
            <source>例: %1 または %2</source>
            <translation>例: %1 または %2</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="176" />
            <source>表示 (Enter)</source>
            <translation>表示 (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="177" />
            <source>さらに表示 (Ctrl+PgDown)</source>
            <translation>さらに表示 (Ctrl+PgDown)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="181" />
            <location filename="../../ui/audit/workspace.py" line="203" />
            <source>日時</source>
            <translation>日時</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="181" />
            <location filename="../../ui/audit/workspace.py" line="204" />
            <source>職員</source>
            <translation>職員</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="182" />
            <location filename="../../ui/audit/workspace.py" line="204" />
            <source>端末</source>
            <translation>端末</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="182" />
            <source>操作</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="183" />
            <source>対象の宛名番号</source>
            <translation>対象の宛名番号</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="183" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="184" />
            <source>結果</source>
            <translation>結果</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="184" />
            <source>詳細</source>
            <translation>詳細</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="188" />
            <source>宛名番号(&amp;R)</source>
            <translation>宛名番号(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="189" />
            <source>職員ID(&amp;S)</source>
            <translation>職員ID(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="190" />
            <source>期間の始め(&amp;F)</source>
            <translation>期間の始め(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="191" />
            <source>期間の終わり(&amp;T)</source>
            <translation>期間の終わり(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="201" />
            <source>未解除の警告</source>
            <translation>未解除の警告</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="203" />
            <source>内容</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="207" />
            <source>解除(&amp;U)</source>
            <translation>解除(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="208" />
            <source>更新 (Ctrl+R)</source>
            <translation>更新 (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="242" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="291" />
            <source>該当する記録はありません。</source>
            <translation>該当する記録はありません。</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="293" />
            <source>新しい順に %1 件（さらに古い記録があります）</source>
            <translation>新しい順に %1 件（さらに古い記録があります）</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="295" />
            <source>新しい順に %1 件</source>
            <translation>新しい順に %1 件</translation>
        </message>
        <message>
            <location filename="../../ui/audit/workspace.py" line="344" />
            <source>警告 %1 を解除しました。</source>
            <translation>警告 %1 を解除しました。</translation>
        </message>
    </context>
    <context>
        <name>CardDesk</name>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="43" />
            <source>券面事項入力補助用暗証番号（4桁）</source>
            <translation>券面事項入力補助用暗証番号（4桁）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="44" />
            <source>利用者証明用電子証明書の暗証番号（4桁）</source>
            <translation>利用者証明用電子証明書の暗証番号（4桁）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="45" />
            <source>署名用電子証明書のパスワード（6〜16桁）</source>
            <translation>署名用電子証明書のパスワード（6〜16桁）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="53" />
            <source>ロック中</source>
            <translation>ロック中</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="55" />
            <source>照合済み</source>
            <translation>照合済み</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="56" />
            <source>残り%1回</source>
            <translation>残り%1回</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="79" />
            <source>カード確認 (F7)</source>
            <translation>カード確認 (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="82" />
            <source>暗証番号の残り回数</source>
            <translation>暗証番号の残り回数</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="91" />
            <source>本人による暗証番号の入力（4桁）</source>
            <translation>本人による暗証番号の入力（4桁）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="94" />
            <source>読み取り (Enter)</source>
            <translation>読み取り (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="100" />
            <source>券面の確認（照合番号B）</source>
            <translation>券面の確認（照合番号B）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="108" />
            <source>西暦4桁</source>
            <translation>西暦4桁</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="111" />
            <source>券面を読み取る</source>
            <translation>券面を読み取る</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="114" />
            <location filename="../../ui/carddesk/tables.py" line="55" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="115" />
            <source>有効期限の年</source>
            <translation>有効期限の年</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="116" />
            <source>セキュリティコード</source>
            <translation>セキュリティコード</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="201" />
            <location filename="../../ui/carddesk/desk_view.py" line="136" />
            <source>有効期限: %1</source>
            <translation>有効期限: %1</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_panel.py" line="204" />
            <source>有効期限が切れています。交付できません。</source>
            <translation>有効期限が切れています。交付できません。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="77" />
            <source>カードを読み取っています…</source>
            <translation>カードを読み取っています…</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="112" />
            <source>生年月日と有効期限の年を確認してください。</source>
            <translation>生年月日と有効期限の年を確認してください。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/card_steps.py" line="115" />
            <source>セキュリティコード（4桁）を入力してください。</source>
            <translation>セキュリティコード（4桁）を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="30" />
            <source>受領書を印刷 (Ctrl+P)</source>
            <translation>受領書を印刷 (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="35" />
            <source>PDF（メモリ内・試験用）</source>
            <translation>PDF（メモリ内・試験用）</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt.py" line="40" />
            <source>プリンタ</source>
            <translation>プリンタ</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="40" />
            <location filename="../../ui/carddesk/workspace.py" line="86" />
            <source>交付</source>
            <translation>交付</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="40" />
            <source>一時停止</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="41" />
            <source>一時停止解除</source>
            <translation>一時停止解除</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="41" />
            <source>廃止</source>
            <translation>廃止</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="42" />
            <source>回収</source>
            <translation>回収</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="42" />
            <source>未交付</source>
            <translation>未交付</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="43" />
            <source>交付済</source>
            <translation>交付済</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="43" />
            <source>一時停止中</source>
            <translation>一時停止中</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="44" />
            <source>回収済</source>
            <translation>回収済</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="44" />
            <source>紛失</source>
            <translation>紛失</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="45" />
            <source>盗難</source>
            <translation>盗難</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="45" />
            <source>その他</source>
            <translation>その他</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="46" />
            <source>本人からの返納</source>
            <translation>本人からの返納</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="46" />
            <source>有効期限切れ</source>
            <translation>有効期限切れ</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="47" />
            <source>記載事項の変更</source>
            <translation>記載事項の変更</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="47" />
            <source>転出・死亡による失効</source>
            <translation>転出・死亡による失効</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="54" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="54" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="55" />
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="56" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="76" />
            <source>一致</source>
            <translation>一致</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="76" />
            <source>不一致</source>
            <translation>不一致</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="89" />
            <source>項目</source>
            <translation>項目</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="103" />
            <location filename="../../ui/carddesk/tables.py" line="91" />
            <source>カード</source>
            <translation>カード</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="92" />
            <source>住民票</source>
            <translation>住民票</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="90" />
            <source>照合</source>
            <translation>照合</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="96" />
            <source>日時</source>
            <translation>日時</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="97" />
            <source>記録</source>
            <translation>記録</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="98" />
            <source>状態</source>
            <translation>状態</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="99" />
            <source>理由</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="100" />
            <source>有効期限</source>
            <translation>有効期限</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="101" />
            <source>担当</source>
            <translation>担当</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="113" />
            <source>%1の理由</source>
            <translation>%1の理由</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="130" />
            <source>廃止したカードは元に戻せません（一時停止解除もできません）。この方が使うには新しいカードの交付が必要です。</source>
            <translation>廃止したカードは元に戻せません（一時停止解除もできません）。この方が使うには新しいカードの交付が必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="138" />
            <source>廃止する</source>
            <translation>廃止する</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="139" />
            <source>理由を選ぶか入力してください。</source>
            <translation>理由を選ぶか入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/tables.py" line="154" />
            <source>理由を入力してください。</source>
            <translation>理由を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="64" />
            <source>もう一度送信</source>
            <translation>もう一度送信</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="76" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="78" />
            <source>カードと住民票の照合</source>
            <translation>カードと住民票の照合</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="82" />
            <source>交付 (F10)</source>
            <translation>交付 (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="83" />
            <source>一時停止 (Alt+T)</source>
            <translation>一時停止 (Alt+T)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="84" />
            <source>一時停止解除 (Alt+R)</source>
            <translation>一時停止解除 (Alt+R)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="85" />
            <source>廃止 (Alt+H)</source>
            <translation>廃止 (Alt+H)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="86" />
            <source>回収 (Alt+U)</source>
            <translation>回収 (Alt+U)</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="96" />
            <source>記録の履歴</source>
            <translation>記録の履歴</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="100" />
            <source>照合・記録</source>
            <translation>照合・記録</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="101" />
            <source>交付受領書</source>
            <translation>交付受領書</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="83" />
            <source>住民検索</source>
            <translation>住民検索</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="84" />
            <source>カード確認</source>
            <translation>カード確認</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="85" />
            <source>暗証番号</source>
            <translation>暗証番号</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="91" />
            <source>受領書を印刷</source>
            <translation>受領書を印刷</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="126" />
            <source>住民</source>
            <translation>住民</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="127" />
            <source>消除</source>
            <translation>消除</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/desk_view.py" line="133" />
            <source>カードの状態: %1</source>
            <translation>カードの状態: %1</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="177" />
            <source>カードが置かれています。</source>
            <translation>カードが置かれています。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="179" />
            <source>カードをリーダーに置いてください。</source>
            <translation>カードをリーダーに置いてください。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/workspace.py" line="181" />
            <source>カードリーダーが見つかりません。</source>
            <translation>カードリーダーが見つかりません。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/event_steps.py" line="79" />
            <source>%1を記録しました。</source>
            <translation>%1を記録しました。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="45" />
            <source>受領書を作成できませんでした。</source>
            <translation>受領書を作成できませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="52" />
            <source>プリンタを開けませんでした。</source>
            <translation>プリンタを開けませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/carddesk/receipt_steps.py" line="56" />
            <source>受領書を%1枚印刷しました。</source>
            <translation>受領書を%1枚印刷しました。</translation>
        </message>
    </context>
    <context>
        <name>CardPin</name>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="87" />
            <source>暗証番号</source>
            <translation>暗証番号</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="119" />
            <source>残り1回（次に間違えるとロックされ、窓口での再設定が必要です）</source>
            <translation>残り1回（次に間違えるとロックされ、窓口での再設定が必要です）</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="121" />
            <source>残り%1回</source>
            <translation>残り%1回</translation>
        </message>
        <message>
            <location filename="../../ui/card/pin_entry.py" line="127" />
            <source>ロックされています</source>
            <translation>ロックされています</translation>
        </message>
    </context>
    <context>
        <name>CertificateVerify</name>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="48" />
            <source>真正：本市が発行した証明書で、無効にされていません。</source>
            <translation>真正：本市が発行した証明書で、無効にされていません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="50" />
            <source>改ざんの疑い：証明書番号と照合番号は正しいものの、入力した記載内容が発行時の内容と一致しません。</source>
            <translation>改ざんの疑い：証明書番号と照合番号は正しいものの、入力した記載内容が発行時の内容と一致しません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="52" />
            <source>無効：この証明書は無効にされています（再交付など）。有効な証明書として扱わないでください。</source>
            <translation>無効：この証明書は無効にされています（再交付など）。有効な証明書として扱わないでください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="53" />
            <source>該当なし：この証明書番号と照合番号の組み合わせは発行記録にありません。偽造または入力誤りの可能性があります。</source>
            <translation>該当なし：この証明書番号と照合番号の組み合わせは発行記録にありません。偽造または入力誤りの可能性があります。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="58" />
            <location filename="../../ui/certificates/verify_view.py" line="140" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="60" />
            <location filename="../../ui/certificates/verify_view.py" line="141" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="67" />
            <location filename="../../ui/certificates/verify_view.py" line="69" />
            <source>証明書番号：%1</source>
            <translation>証明書番号：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="70" />
            <source>種類：%1</source>
            <translation>種類：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="72" />
            <source>発行日：%1</source>
            <translation>発行日：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="74" />
            <source>発行通数：%1通</source>
            <translation>発行通数：%1通</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="76" />
            <source>証明書番号 %1 の再交付として発行されたものです。</source>
            <translation>証明書番号 %1 の再交付として発行されたものです。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="79" />
            <source>無効の理由：%1</source>
            <translation>無効の理由：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="82" />
            <source>一致しない記載内容：%1</source>
            <translation>一致しない記載内容：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="85" />
            <source>発行時の内容と一致した記載内容：%1</source>
            <translation>発行時の内容と一致した記載内容：%1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="91" />
            <source>証明書番号を入力してください（QRコードの読み取りでも入力できます）。</source>
            <translation>証明書番号を入力してください（QRコードの読み取りでも入力できます）。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="93" />
            <source>証明書番号は 2026-00000123 の形です。</source>
            <translation>証明書番号は 2026-00000123 の形です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="95" />
            <source>照合番号を入力してください。</source>
            <translation>照合番号を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="97" />
            <source>照合番号は英字と数字です（証明書の下欄に印字されています）。</source>
            <translation>照合番号は英字と数字です（証明書の下欄に印字されています）。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="99" />
            <source>氏名は60文字以内で入力してください。</source>
            <translation>氏名は60文字以内で入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="100" />
            <source>生年月日は 昭和55年2月17日 や S55.2.17 のように印字のとおり入力してください。</source>
            <translation>生年月日は 昭和55年2月17日 や S55.2.17 のように印字のとおり入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="114" />
            <source>証明書の真正確認</source>
            <translation>証明書の真正確認</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="118" />
            <source>証明書の下欄に印字された証明書番号と照合番号を入力してください。QRコードを読み取ると両方が入ります。氏名・生年月日を入力すると、印字が発行時の内容と同じかどうかも確かめます。</source>
            <translation>証明書の下欄に印字された証明書番号と照合番号を入力してください。QRコードを読み取ると両方が入ります。氏名・生年月日を入力すると、印字が発行時の内容と同じかどうかも確かめます。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="122" />
            <source>2026-00000123（QRコードの読み取り可）</source>
            <translation>2026-00000123（QRコードの読み取り可）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="129" />
            <source>任意：印字された氏名</source>
            <translation>任意：印字された氏名</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="133" />
            <source>任意：印字された生年月日（例 昭和55年2月17日）</source>
            <translation>任意：印字された生年月日（例 昭和55年2月17日）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="138" />
            <source>証明書番号</source>
            <translation>証明書番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="139" />
            <source>照合番号</source>
            <translation>照合番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="146" />
            <source>照会する (Enter)</source>
            <translation>照会する (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="148" />
            <source>次の証明書 (Ctrl+N)</source>
            <translation>次の証明書 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/verify_view.py" line="149" />
            <source>証明書の発行に戻る (Esc)</source>
            <translation>証明書の発行に戻る (Esc)</translation>
        </message>
    </context>
    <context>
        <name>Certificates</name>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="87" />
            <source>発行(&amp;I)</source>
            <translation>発行(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="88" />
            <source>印刷(&amp;P)</source>
            <translation>印刷(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="89" />
            <source>再交付(&amp;R)…</source>
            <translation>再交付(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="90" />
            <source>PDFに保存…</source>
            <translation>PDFに保存…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="91" />
            <source>新しい請求(&amp;N)</source>
            <translation>新しい請求(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="92" />
            <source>真正確認… (Shift+F1)</source>
            <translation>真正確認… (Shift+F1)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="102" />
            <source>設定された公印の画像が使えないため、証明書を発行できません。管理者に連絡してください。</source>
            <translation>設定された公印の画像が使えないため、証明書を発行できません。管理者に連絡してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="105" />
            <source>この端末には公印の画像が設定されていないため、見本の印影に「見本」と重ねて印刷します。</source>
            <translation>この端末には公印の画像が設定されていないため、見本の印影に「見本」と重ねて印刷します。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="149" />
            <source>プリンタ</source>
            <translation>プリンタ</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="165" />
            <source>PDF（メモリ内・試験用）</source>
            <translation>PDF（メモリ内・試験用）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="235" />
            <source>%1　証明書番号 %2　%3通　手数料 %4円</source>
            <translation>%1　証明書番号 %2　%3通　手数料 %4円</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="242" />
            <source>証明書のフォントにない文字があるため印刷できません。外字の登録か代替文字を確認してください。</source>
            <translation>証明書のフォントにない文字があるため印刷できません。外字の登録か代替文字を確認してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="246" />
            <source>プレビューを表示できないため印刷できません。</source>
            <translation>プレビューを表示できないため印刷できません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="278" />
            <source>印刷しています…</source>
            <translation>印刷しています…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="289" />
            <source>（設定の給紙トレイを指定できないため、プリンタの既定のトレイを使いました）</source>
            <translation>（設定の給紙トレイを指定できないため、プリンタの既定のトレイを使いました）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="301" />
            <source>印刷を中止しました。</source>
            <translation>印刷を中止しました。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="303" />
            <source>プリンタを開けませんでした。</source>
            <translation>プリンタを開けませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="291" />
            <source>%1枚印刷しました。</source>
            <translation>%1枚印刷しました。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="319" />
            <source>再交付</source>
            <translation>再交付</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/desk_view.py" line="320" />
            <source>書き損じ・印刷不良の理由を入力してください。発行済みの証明書番号は無効になります。</source>
            <translation>書き損じ・印刷不良の理由を入力してください。発行済みの証明書番号は無効になります。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="77" />
            <source>管理責任者の承認</source>
            <translation>管理責任者の承認</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="78" />
            <source>件数が多いため、発行には管理責任者の承認が必要です。</source>
            <translation>件数が多いため、発行には管理責任者の承認が必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="80" />
            <source>件数: %1通</source>
            <translation>件数: %1通</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="86" />
            <source>例: 法務局への一括提出</source>
            <translation>例: 法務局への一括提出</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="88" />
            <source>この端末で承認を受ける</source>
            <translation>この端末で承認を受ける</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="95" />
            <source>承認して発行(&amp;A)</source>
            <translation>承認して発行(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="98" />
            <source>管理責任者の職員ID</source>
            <translation>管理責任者の職員ID</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="99" />
            <source>パスワード</source>
            <translation>パスワード</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="102" />
            <source>承認を依頼する（管理責任者の承認画面へ）</source>
            <translation>承認を依頼する（管理責任者の承認画面へ）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="103" />
            <source>承認を依頼(&amp;Q)</source>
            <translation>承認を依頼(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="116" />
            <source>やめる</source>
            <translation>やめる</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="118" />
            <source>目的</source>
            <translation>目的</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="167" />
            <source>依頼を取り下げて戻る</source>
            <translation>依頼を取り下げて戻る</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="168" />
            <source>依頼番号 %1: 管理責任者の承認を待っています…</source>
            <translation>依頼番号 %1: 管理責任者の承認を待っています…</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="173" />
            <source>承認されませんでした。理由: %1</source>
            <translation>承認されませんでした。理由: %1</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/dialogs.py" line="177" />
            <source>承認の受け取りに失敗しました。もう一度依頼してください。</source>
            <translation>承認の受け取りに失敗しました。もう一度依頼してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="17" />
            <source>住民票の写し（世帯連記式）</source>
            <translation>住民票の写し（世帯連記式）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="18" />
            <source>住民票の写し（個人票）</source>
            <translation>住民票の写し（個人票）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="19" />
            <source>除票の写し</source>
            <translation>除票の写し</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="20" />
            <source>住民票記載事項証明書</source>
            <translation>住民票記載事項証明書</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="21" />
            <source>転出証明書</source>
            <translation>転出証明書</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="22" />
            <source>住民票コード通知書</source>
            <translation>住民票コード通知書</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="25" />
            <source>続柄</source>
            <translation>続柄</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="26" />
            <source>世帯主</source>
            <translation>世帯主</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="27" />
            <source>住民となった年月日</source>
            <translation>住民となった年月日</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="28" />
            <source>住所を定めた年月日</source>
            <translation>住所を定めた年月日</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="29" />
            <source>前住所</source>
            <translation>前住所</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="30" />
            <source>記載事由</source>
            <translation>記載事由</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="31" />
            <source>旧氏</source>
            <translation>旧氏</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="32" />
            <source>通称</source>
            <translation>通称</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="33" />
            <source>外国人住民の記載事項</source>
            <translation>外国人住民の記載事項</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="34" />
            <source>本籍・筆頭者</source>
            <translation>本籍・筆頭者</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="35" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="36" />
            <source>住民票コード</source>
            <translation>住民票コード</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="39" />
            <source>本人</source>
            <translation>本人</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="40" />
            <source>同一世帯の者</source>
            <translation>同一世帯の者</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="41" />
            <source>代理人（委任状）</source>
            <translation>代理人（委任状）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="42" />
            <source>第三者</source>
            <translation>第三者</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="43" />
            <source>公用請求</source>
            <translation>公用請求</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="44" />
            <source>職務上請求</source>
            <translation>職務上請求</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="47" />
            <source>証明書の種類を選んでください。</source>
            <translation>証明書の種類を選んでください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="48" />
            <source>対象者の宛名番号か世帯番号を入力してください。</source>
            <translation>対象者の宛名番号か世帯番号を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="49" />
            <source>宛名番号と世帯番号のどちらか一方だけを入力してください。</source>
            <translation>宛名番号と世帯番号のどちらか一方だけを入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="50" />
            <source>宛名番号は10桁の数字です。</source>
            <translation>宛名番号は10桁の数字です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="51" />
            <source>一度に指定できるのは200人までです。</source>
            <translation>一度に指定できるのは200人までです。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="52" />
            <source>世帯番号は10桁の数字です。</source>
            <translation>世帯番号は10桁の数字です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="53" />
            <source>転出証明書は異動届の番号（32文字）から作成します。</source>
            <translation>転出証明書は異動届の番号（32文字）から作成します。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="54" />
            <source>指定できない記載事項があります。</source>
            <translation>指定できない記載事項があります。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="55" />
            <source>通数は1〜50です。</source>
            <translation>通数は1〜50です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="56" />
            <source>請求者の種別を選んでください。</source>
            <translation>請求者の種別を選んでください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="57" />
            <source>請求者の宛名番号（10桁）を入力してください。</source>
            <translation>請求者の宛名番号（10桁）を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="58" />
            <source>請求者の氏名を入力してください。</source>
            <translation>請求者の氏名を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="59" />
            <source>代理人の請求には委任状の確認が必要です。</source>
            <translation>代理人の請求には委任状の確認が必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="60" />
            <source>第三者の請求には正当な理由（利用目的）が必要です。</source>
            <translation>第三者の請求には正当な理由（利用目的）が必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="61" />
            <source>請求する機関の名称を入力してください。</source>
            <translation>請求する機関の名称を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="62" />
            <source>資格の種類を選んでください。</source>
            <translation>資格の種類を選んでください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="63" />
            <source>登録番号を入力してください。</source>
            <translation>登録番号を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="64" />
            <source>理由を入力してください。</source>
            <translation>理由を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="65" />
            <source>目的を入力してください。</source>
            <translation>目的を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="66" />
            <source>管理責任者の職員IDを入力してください。</source>
            <translation>管理責任者の職員IDを入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="67" />
            <source>管理責任者のパスワードを入力してください。</source>
            <translation>管理責任者のパスワードを入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="68" />
            <source>200文字以内で入力してください。</source>
            <translation>200文字以内で入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="73" />
            <source>件数が多いため、管理責任者の承認が必要です。</source>
            <translation>件数が多いため、管理責任者の承認が必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="74" />
            <source>承認が使えません（使用済み・期限切れ・内容の違い）。もう一度承認を受けてください。</source>
            <translation>承認が使えません（使用済み・期限切れ・内容の違い）。もう一度承認を受けてください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="75" />
            <source>職員IDまたはパスワードが違います。</source>
            <translation>職員IDまたはパスワードが違います。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="76" />
            <source>このアカウントはロックされています。</source>
            <translation>このアカウントはロックされています。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="77" />
            <source>自分の作業を自分で承認することはできません。</source>
            <translation>自分の作業を自分で承認することはできません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="78" />
            <source>この操作の権限がありません。</source>
            <translation>この操作の権限がありません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="79" />
            <source>本籍・筆頭者、個人番号、住民票コードは本人または同一世帯の方の請求にしか記載できません。</source>
            <translation>本籍・筆頭者、個人番号、住民票コードは本人または同一世帯の方の請求にしか記載できません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="80" />
            <source>個人番号を記載する権限がありません（職員ごとの設定です。管理者にお問い合わせください）。</source>
            <translation>個人番号を記載する権限がありません（職員ごとの設定です。管理者にお問い合わせください）。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="81" />
            <source>支援措置（処理停止）のため、本人以外には発行できません。</source>
            <translation>支援措置（処理停止）のため、本人以外には発行できません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="82" />
            <source>請求者と対象者の関係が合いません。本人以外の方も載せるとき（世帯全員など）は、請求者を「同一世帯の者」にしてください。</source>
            <translation>請求者と対象者の関係が合いません。本人以外の方も載せるとき（世帯全員など）は、請求者を「同一世帯の者」にしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="83" />
            <source>この証明書は既に無効にされています。</source>
            <translation>この証明書は既に無効にされています。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="84" />
            <source>この依頼は既に処理されています。</source>
            <translation>この依頼は既に処理されています。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="85" />
            <source>指定された承認の依頼が見つかりません。</source>
            <translation>指定された承認の依頼が見つかりません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="86" />
            <source>住基システムに接続できません。もう一度実行してください（二重には発行されません）。</source>
            <translation>住基システムに接続できません。もう一度実行してください（二重には発行されません）。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="87" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>セッションが終了しました。もう一度ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/labels.py" line="112" />
            <source>処理できませんでした。</source>
            <translation>処理できませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="61" />
            <source>宛名番号（複数は空白で区切る）</source>
            <translation>宛名番号（複数は空白で区切る）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="63" />
            <source>世帯全員のときは世帯番号</source>
            <translation>世帯全員のときは世帯番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="66" />
            <source>転出の異動届の番号</source>
            <translation>転出の異動届の番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="70" />
            <source>記載事項（指定がなければ本人・世帯は標準の項目）</source>
            <translation>記載事項（指定がなければ本人・世帯は標準の項目）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="84" />
            <source>委任状を確認した</source>
            <translation>委任状を確認した</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="106" />
            <source>証明書の種類</source>
            <translation>証明書の種類</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="107" />
            <source>対象者（宛名番号）</source>
            <translation>対象者（宛名番号）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="108" />
            <source>世帯番号</source>
            <translation>世帯番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="109" />
            <source>異動届の番号</source>
            <translation>異動届の番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="110" />
            <source>通数</source>
            <translation>通数</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="98" />
            <source>請求者</source>
            <translation>請求者</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="99" />
            <source>請求者の宛名番号</source>
            <translation>請求者の宛名番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="100" />
            <source>請求者の氏名</source>
            <translation>請求者の氏名</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="102" />
            <source>請求の理由（利用目的）</source>
            <translation>請求の理由（利用目的）</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="103" />
            <source>請求機関</source>
            <translation>請求機関</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="104" />
            <source>資格</source>
            <translation>資格</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/order_form.py" line="105" />
            <source>登録番号</source>
            <translation>登録番号</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="47" />
            <location filename="../../ui/certificates/preview.py" line="106" />
            <source>発行するとここに印刷プレビューが表示されます。</source>
            <translation>発行するとここに印刷プレビューが表示されます。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="79" />
            <source>この端末には PDF プレビュー（QtPdf）がありません。印刷できません。</source>
            <translation>この端末には PDF プレビュー（QtPdf）がありません。印刷できません。</translation>
        </message>
        <message>
            <location filename="../../ui/certificates/preview.py" line="89" />
            <source>証明書を表示できませんでした。</source>
            <translation>証明書を表示できませんでした。</translation>
        </message>
    </context>
    <context>
        <name>Counter</name>
        <message>
            <location filename="../../ui/counter/workspace.py" line="76" />
            <source>住民検索 (F6)</source>
            <translation>住民検索 (F6)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="77" />
            <source>異動届 (F7)</source>
            <translation>異動届 (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="81" />
            <source>証明書 (F1)</source>
            <translation>証明書 (F1)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="85" />
            <source>本人確認 (Shift+F6)</source>
            <translation>本人確認 (Shift+F6)</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="94" />
            <source>住民検索</source>
            <translation>住民検索</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="95" />
            <source>異動届</source>
            <translation>異動届</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="96" />
            <source>この方の異動届</source>
            <translation>この方の異動届</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="98" />
            <source>次へ・確定</source>
            <translation>次へ・確定</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="102" />
            <source>証明書</source>
            <translation>証明書</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="105" />
            <source>この方の証明書</source>
            <translation>この方の証明書</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="106" />
            <source>真正確認</source>
            <translation>真正確認</translation>
        </message>
        <message>
            <location filename="../../ui/counter/workspace.py" line="114" />
            <source>本人確認</source>
            <translation>本人確認</translation>
        </message>
    </context>
    <context>
        <name>CounterInput</name>
        <message>
            <location filename="../../ui/counter/inputs.py" line="38" />
            <source>令和</source>
            <translation>令和</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="38" />
            <source>平成</source>
            <translation>平成</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="39" />
            <source>昭和</source>
            <translation>昭和</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="39" />
            <source>大正</source>
            <translation>大正</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="40" />
            <source>明治</source>
            <translation>明治</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="40" />
            <source>西暦</source>
            <translation>西暦</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="53" />
            <source>例: R7.2.13</source>
            <translation>例: R7.2.13</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="107" />
            <source>（日付として読めません）</source>
            <translation>（日付として読めません）</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="180" />
            <location filename="../../ui/search/results.py" line="38" />
            <source>男</source>
            <translation>男</translation>
        </message>
        <message>
            <location filename="../../ui/counter/inputs.py" line="180" />
            <location filename="../../ui/search/results.py" line="38" />
            <source>女</source>
            <translation>女</translation>
        </message>
    </context>
    <context>
        <name>CounterRecord</name>
        <message>
            <location filename="../../ui/search/record.py" line="39" />
            <source>日本人住民</source>
            <translation>日本人住民</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="40" />
            <source>外国人住民</source>
            <translation>外国人住民</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="54" />
            <location filename="../../ui/search/record.py" line="126" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="55" />
            <location filename="../../ui/search/record.py" line="127" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="56" />
            <source>住民の種別</source>
            <translation>住民の種別</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="58" />
            <location filename="../../ui/search/record.py" line="134" />
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="59" />
            <source>郵便番号</source>
            <translation>郵便番号</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="60" />
            <source>世帯番号</source>
            <translation>世帯番号</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="61" />
            <location filename="../../ui/search/record.py" line="125" />
            <source>続柄</source>
            <translation>続柄</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="62" />
            <source>住民票コード</source>
            <translation>住民票コード</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="63" />
            <source>住民となった日</source>
            <translation>住民となった日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="64" />
            <source>住所を定めた日</source>
            <translation>住所を定めた日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="65" />
            <source>前住所</source>
            <translation>前住所</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="66" />
            <source>転出先</source>
            <translation>転出先</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="67" />
            <source>本籍</source>
            <translation>本籍</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="68" />
            <source>筆頭者</source>
            <translation>筆頭者</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="69" />
            <source>旧氏</source>
            <translation>旧氏</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="70" />
            <source>通称</source>
            <translation>通称</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="71" />
            <source>国籍・地域</source>
            <translation>国籍・地域</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="72" />
            <source>在留資格</source>
            <translation>在留資格</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="73" />
            <source>在留期間の満了日</source>
            <translation>在留期間の満了日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="74" />
            <source>消除</source>
            <translation>消除</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="76" />
            <source>最新の異動</source>
            <translation>最新の異動</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="77" />
            <source>（期間経過）</source>
            <translation>（期間経過）</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="124" />
            <location filename="../../ui/search/record.py" line="133" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="129" />
            <source>版</source>
            <translation>版</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="130" />
            <source>異動事由</source>
            <translation>異動事由</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="131" />
            <source>異動日</source>
            <translation>異動日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="132" />
            <source>届出日</source>
            <translation>届出日</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="145" />
            <source>この方の異動届 (F8)</source>
            <translation>この方の異動届 (F8)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="149" />
            <source>この方の証明書 (Shift+F8)</source>
            <translation>この方の証明書 (Shift+F8)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="151" />
            <source>本人確認 (Shift+F6)</source>
            <translation>本人確認 (Shift+F6)</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="169" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="171" />
            <source>世帯</source>
            <translation>世帯</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="173" />
            <source>履歴（古い順）</source>
            <translation>履歴（古い順）</translation>
        </message>
        <message>
            <location filename="../../ui/search/record.py" line="191" />
            <source>処理停止（支援措置）: 本人以外への証明書の交付はできません。</source>
            <translation>処理停止（支援措置）: 本人以外への証明書の交付はできません。</translation>
        </message>
    </context>
    <context>
        <name>CounterSearch</name>
        <message>
            <location filename="../../ui/search/form.py" line="33" />
            <source>住民票コードで検索します。</source>
            <translation>住民票コードで検索します。</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="35" />
            <source>検索できます（Enter）。</source>
            <translation>検索できます（Enter）。</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="37" />
            <source>氏名・生年月日・住所のうち二つ以上を入力してください。</source>
            <translation>氏名・生年月日・住所のうち二つ以上を入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="38" />
            <source>あと一つ、氏名・生年月日・住所のいずれかを入力してください（性別は数えません）。</source>
            <translation>あと一つ、氏名・生年月日・住所のいずれかを入力してください（性別は数えません）。</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="50" />
            <source>漢字またはかな（前方一致）</source>
            <translation>漢字またはかな（前方一致）</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="55" />
            <source>町名から（例: 池田）</source>
            <translation>町名から（例: 池田）</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="56" />
            <source>指定なし</source>
            <translation>指定なし</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="72" />
            <source>検索 (Enter)</source>
            <translation>検索 (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="74" />
            <source>条件をクリア</source>
            <translation>条件をクリア</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="77" />
            <source>氏名(&amp;N)</source>
            <translation>氏名(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="78" />
            <source>生年月日(&amp;B)</source>
            <translation>生年月日(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="79" />
            <source>住所(&amp;A)</source>
            <translation>住所(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="80" />
            <source>性別(&amp;S)</source>
            <translation>性別(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/search/form.py" line="81" />
            <source>住民票コード(&amp;C)</source>
            <translation>住民票コード(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/search/page.py" line="79" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="43" />
            <source>住民</source>
            <translation>住民</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="44" />
            <source>消除</source>
            <translation>消除</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="60" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="61" />
            <source>フリガナ</source>
            <translation>フリガナ</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="61" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="62" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="63" />
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="62" />
            <source>続柄</source>
            <translation>続柄</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="60" />
            <source>状態</source>
            <translation>状態</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="74" />
            <source>検索結果</source>
            <translation>検索結果</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="78" />
            <source>さらに表示 (Ctrl+PgDown)</source>
            <translation>さらに表示 (Ctrl+PgDown)</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="103" />
            <source>該当 %1 件以上（続きは「さらに表示」）</source>
            <translation>該当 %1 件以上（続きは「さらに表示」）</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="106" />
            <source>該当 %1 件</source>
            <translation>該当 %1 件</translation>
        </message>
        <message>
            <location filename="../../ui/search/results.py" line="108" />
            <source>該当する住民はいません。</source>
            <translation>該当する住民はいません。</translation>
        </message>
    </context>
    <context>
        <name>Diagnostics</name>
        <message numerus="yes">
            <location filename="../../ui/diagnostics/render.py" line="77" />
            <source>■ ログ（最新 %n 行）</source>
            <translation>
                <numerusform>■ ログ（最新 %n 行）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="10" />
            <source>はい</source>
            <translation>はい</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="10" />
            <source>いいえ</source>
            <translation>いいえ</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="14" />
            <source>診断日時: %1</source>
            <translation>診断日時: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="16" />
            <source>■ バージョン</source>
            <translation>■ バージョン</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="19" />
            <source>■ 設定（秘密情報を除く）</source>
            <translation>■ 設定（秘密情報を除く）</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="22" />
            <source>■ 住基システムへの接続</source>
            <translation>■ 住基システムへの接続</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="25" />
            <location filename="../../ui/diagnostics/render.py" line="53" />
            <location filename="../../ui/diagnostics/render.py" line="70" />
            <source>  確認していません</source>
            <translation>  確認していません</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="28" />
            <source>  接続できる: %1</source>
            <translation>  接続できる: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="29" />
            <source>  証明書の検証: %1</source>
            <translation>  証明書の検証: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="31" />
            <source>  応答時間: %1 ms</source>
            <translation>  応答時間: %1 ms</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="33" />
            <source>  サーバーのバージョン: %1</source>
            <translation>  サーバーのバージョン: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="39" />
            <source>  証明書の主体: %1</source>
            <translation>  証明書の主体: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="40" />
            <source>  発行者: %1</source>
            <translation>  発行者: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="41" />
            <source>  有効期限: %1（残り %2 日）</source>
            <translation>  有効期限: %1（残り %2 日）</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="47" />
            <source>  エラー: %1</source>
            <translation>  エラー: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="50" />
            <source>■ カードリーダー</source>
            <translation>■ カードリーダー</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="55" />
            <source>  PC/SC サービス: %1</source>
            <translation>  PC/SC サービス: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="60" />
            <source>  リーダーが見つかりません</source>
            <translation>  リーダーが見つかりません</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="62" />
            <source>カードあり</source>
            <translation>カードあり</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="63" />
            <source>カードなし</source>
            <translation>カードなし</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="68" />
            <source>■ プリンター</source>
            <translation>■ プリンター</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/render.py" line="72" />
            <source>  プリンターが見つかりません</source>
            <translation>  プリンターが見つかりません</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="25" />
            <source>診断情報の保存先</source>
            <translation>診断情報の保存先</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="26" />
            <source>ZIP ファイル (*.zip)</source>
            <translation>ZIP ファイル (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="30" />
            <source>保存する場所(&amp;L):</source>
            <translation>保存する場所(&amp;L):</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/sources.py" line="31" />
            <source>ファイルの種類(&amp;T):</source>
            <translation>ファイルの種類(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="44" />
            <source>診断を実行 (Ctrl+R)</source>
            <translation>診断を実行 (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="47" />
            <source>診断情報を書き出す (Ctrl+E)</source>
            <translation>診断情報を書き出す (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="96" />
            <source>診断中…</source>
            <translation>診断中…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="113" />
            <source>書き出し中…</source>
            <translation>書き出し中…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="133" />
            <source>診断が終わりました。</source>
            <translation>診断が終わりました。</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="139" />
            <source>書き出しました: %1</source>
            <translation>書き出しました: %1</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="143" />
            <source>書き出せませんでした（保存先を確認してください）。</source>
            <translation>書き出せませんでした（保存先を確認してください）。</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics/view.py" line="147" />
            <source>診断に失敗しました: %1</source>
            <translation>診断に失敗しました: %1</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="401" />
            <source>端末の診断</source>
            <translation>端末の診断</translation>
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="35" />
            <source>項目</source>
            <translation>項目</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="35" />
            <source>カード</source>
            <translation>カード</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="36" />
            <source>住民票</source>
            <translation>住民票</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="36" />
            <source>照合</source>
            <translation>照合</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="53" />
            <source>一致</source>
            <translation>一致</translation>
        </message>
        <message>
            <location filename="../../ui/identity/comparison_table.py" line="54" />
            <location filename="../../ui/identity/comparison_table.py" line="70" />
            <source>不一致</source>
            <translation>不一致</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="60" />
            <source>カードを確認</source>
            <translation>カードを確認</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="63" />
            <source>暗証番号（ご本人が入力）</source>
            <translation>暗証番号（ご本人が入力）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="66" />
            <source>読み取る</source>
            <translation>読み取る</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="72" />
            <source>個人番号をもう一度照合</source>
            <translation>個人番号をもう一度照合</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="77" />
            <source>顔写真（照合番号B）</source>
            <translation>顔写真（照合番号B）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="81" />
            <source>例: 2034</source>
            <translation>例: 2034</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="84" />
            <location filename="../../ui/identity/card_panel.py" line="98" />
            <source>セキュリティコード</source>
            <translation>セキュリティコード</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="85" />
            <source>顔写真を表示</source>
            <translation>顔写真を表示</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="92" />
            <source>本人と一致</source>
            <translation>本人と一致</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="94" />
            <source>一致しない</source>
            <translation>一致しない</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="97" />
            <source>有効期限の年（西暦）</source>
            <translation>有効期限の年（西暦）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="109" />
            <source>カードの確認を終える</source>
            <translation>カードの確認を終える</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="12" />
            <source>個人番号カード</source>
            <translation>個人番号カード</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="13" />
            <source>運転免許証</source>
            <translation>運転免許証</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="14" />
            <source>パスポート</source>
            <translation>パスポート</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="15" />
            <source>在留カード</source>
            <translation>在留カード</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="17" />
            <source>特別永住者証明書</source>
            <translation>特別永住者証明書</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="19" />
            <source>健康保険の資格確認書類（保険証等）</source>
            <translation>健康保険の資格確認書類（保険証等）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="20" />
            <source>年金手帳・基礎年金番号通知書</source>
            <translation>年金手帳・基礎年金番号通知書</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="22" />
            <source>その他の官公署発行の書類（写真なし）</source>
            <translation>その他の官公署発行の書類（写真なし）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="26" />
            <source>証明書の交付</source>
            <translation>証明書の交付</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="27" />
            <source>異動届</source>
            <translation>異動届</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="28" />
            <source>カードの手続</source>
            <translation>カードの手続</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="29" />
            <source>その他</source>
            <translation>その他</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="33" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="34" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="35" />
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="36" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/identity/labels.py" line="37" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/identity/page.py" line="115" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="20" />
            <source>宛名番号（10桁）</source>
            <translation>宛名番号（10桁）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="21" />
            <source>呼出</source>
            <translation>呼出</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="27" />
            <source>宛名番号</source>
            <translation>宛名番号</translation>
        </message>
        <message>
            <location filename="../../ui/identity/person_step.py" line="28" />
            <source>検索画面で開いている方は、その画面から本人確認を始められます。</source>
            <translation>検索画面で開いている方は、その画面から本人確認を始められます。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="32" />
            <source>写真付きの書類（1点で確認できます）</source>
            <translation>写真付きの書類（1点で確認できます）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="33" />
            <source>写真のない書類（聞き取りと組み合わせます）</source>
            <translation>写真のない書類（聞き取りと組み合わせます）</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="41" />
            <location filename="../../ui/identity/questions_step.py" line="25" />
            <source>次へ</source>
            <translation>次へ</translation>
        </message>
        <message>
            <location filename="../../ui/identity/documents_step.py" line="46" />
            <source>確認の目的</source>
            <translation>確認の目的</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="29" />
            <source>聞き取った質問の数</source>
            <translation>聞き取った質問の数</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="30" />
            <source>正しく答えられた数</source>
            <translation>正しく答えられた数</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="33" />
            <source>本人確認済みとして記録</source>
            <translation>本人確認済みとして記録</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="35" />
            <source>確認できなかったことを記録</source>
            <translation>確認できなかったことを記録</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="37" />
            <source>書類を選び直す</source>
            <translation>書類を選び直す</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="78" />
            <source>次の方</source>
            <translation>次の方</translation>
        </message>
        <message>
            <location filename="../../ui/identity/questions_step.py" line="37" />
            <source>写真付きの書類で確認できないため、住民票の記載事項（生年月日・世帯主・前住所など）について%1問以上聞き取ってください。</source>
            <translation>写真付きの書類で確認できないため、住民票の記載事項（生年月日・世帯主・前住所など）について%1問以上聞き取ってください。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="55" />
            <source>提示された書類：%1</source>
            <translation>提示された書類：%1</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="87" />
            <source>本人確認済み</source>
            <translation>本人確認済み</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="88" />
            <source>本人確認できず</source>
            <translation>本人確認できず</translation>
        </message>
        <message>
            <location filename="../../ui/identity/result_steps.py" line="89" />
            <source>記録しました（%1、記録番号 %2）。</source>
            <translation>記録しました（%1、記録番号 %2）。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/page.py" line="141" />
            <source>宛名番号 %1</source>
            <translation>宛名番号 %1</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="156" />
            <source>個人番号カードをリーダーに置いてください。</source>
            <translation>個人番号カードをリーダーに置いてください。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="157" />
            <source>カードを確認しています…</source>
            <translation>カードを確認しています…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="158" />
            <source>ご本人に暗証番号（4桁）を入力してもらってください。</source>
            <translation>ご本人に暗証番号（4桁）を入力してもらってください。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="159" />
            <source>カードを読み取っています…</source>
            <translation>カードを読み取っています…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="160" />
            <source>個人番号を住基システムで照合しています…</source>
            <translation>個人番号を住基システムで照合しています…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="161" />
            <source>カードの記載事項と住民票を照合しました。</source>
            <translation>カードの記載事項と住民票を照合しました。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="162" />
            <source>顔写真を読み取っています…</source>
            <translation>顔写真を読み取っています…</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="163" />
            <source>顔写真とご本人を見比べてください。</source>
            <translation>顔写真とご本人を見比べてください。</translation>
        </message>
        <message>
            <location filename="../../ui/identity/card_panel.py" line="166" />
            <source>この端末にはカードリーダーがありません。</source>
            <translation>この端末にはカードリーダーがありません。</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="33" />
            <source>画面をロックしました</source>
            <translation>画面をロックしました</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="39" />
            <source>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</source>
            <translation>個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="47" />
            <source>パスワード</source>
            <translation>パスワード</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="49" />
            <source>ロック解除 (Enter)</source>
            <translation>ロック解除 (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="52" />
            <source>別の職員でログイン (F8)</source>
            <translation>別の職員でログイン (F8)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="61" />
            <source>パスワード(&amp;P)</source>
            <translation>パスワード(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="90" />
            <source>ログイン中の職員: %1（%2）</source>
            <translation>ログイン中の職員: %1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/security/lock_screen.py" line="115" />
            <source>パスワードを入力してください。</source>
            <translation>パスワードを入力してください。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/shell.py" line="380" />
            <source>パスワードが違います（%n 回目）。</source>
            <translation>
                <numerusform>パスワードが違います（%n 回目）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="411" />
            <source>アカウントがロックされました。管理責任者に連絡してください。</source>
            <translation>アカウントがロックされました。管理責任者に連絡してください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="412" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>セッションが終了しました。もう一度ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="389" />
            <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
            <translation>住基システムに接続できません。しばらくしてからもう一度お試しください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="391" />
            <source>ロックを解除できませんでした。</source>
            <translation>ロックを解除できませんでした。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/login/language.py" line="52" />
            <source>窓口端末</source>
            <translation>窓口端末</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="188" />
            <source>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</source>
            <translation>設定ファイルに誤りがあります。端末の管理者に連絡してください。
%1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="129" />
            <source>F12: 画面保護　F11: ロック　F9: ログアウト</source>
            <translation>F12: 画面保護　F11: ロック　F9: ログアウト</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>画面保護</source>
            <translation>画面保護</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="131" />
            <source>ロック</source>
            <translation>ロック</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>ログアウト</source>
            <translation>ログアウト</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="163" />
            <source>職員: %1（%2）</source>
            <translation>職員: %1（%2）</translation>
        </message>
    </context>
    <context>
        <name>MaskedNumber</name>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="39" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="42" />
            <location filename="../../ui/widgets/masked_number.py" line="114" />
            <source>番号を表示</source>
            <translation>番号を表示</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="45" />
            <source>表示すると閲覧記録が残ります</source>
            <translation>表示すると閲覧記録が残ります</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/masked_number.py" line="109" />
            <source>番号を隠す</source>
            <translation>番号を隠す</translation>
        </message>
    </context>
    <context>
        <name>MoveCard</name>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="58" />
            <source>カードから入力</source>
            <translation>カードから入力</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="60" />
            <source>個人番号カードを読み取り、氏名・生年月日・性別・住所・個人番号を入力します。</source>
            <translation>個人番号カードを読み取り、氏名・生年月日・性別・住所・個人番号を入力します。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="63" />
            <source>暗証番号（4桁、カードの方が入力）</source>
            <translation>暗証番号（4桁、カードの方が入力）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="67" />
            <source>読み取る (Enter)</source>
            <translation>読み取る (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="114" />
            <source>カードをリーダーに置き、カードの方に暗証番号を入力していただいてください。</source>
            <translation>カードをリーダーに置き、カードの方に暗証番号を入力していただいてください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="123" />
            <source>暗証番号がロックされています。カードからは入力できません。</source>
            <translation>暗証番号がロックされています。カードからは入力できません。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="133" />
            <source>カードを読み取っています…</source>
            <translation>カードを読み取っています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="140" />
            <source>カードから入力しました。カードの記載と届書を照らして確認してください。</source>
            <translation>カードから入力しました。カードの記載と届書を照らして確認してください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="152" />
            <source>カードを読み取れませんでした。</source>
            <translation>カードを読み取れませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="212" />
            <source>転出証明書情報の選択</source>
            <translation>転出証明書情報の選択</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/moves/card_fill.py" line="215" />
            <source>この方の転出証明書情報が%n件届いています。届書と照らして選んでください。</source>
            <translation>
                <numerusform>この方の転出証明書情報が%n件届いています。届書と照らして選んでください。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="222" />
            <source>受信日</source>
            <translation>受信日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="223" />
            <source>転出元（団体コード）</source>
            <translation>転出元（団体コード）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="224" />
            <source>転出予定日</source>
            <translation>転出予定日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="242" />
            <source>選択 (Enter)</source>
            <translation>選択 (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/card_fill.py" line="244" />
            <source>手入力する (Esc)</source>
            <translation>手入力する (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="74" />
            <source>転出証明書情報を照会しています…</source>
            <translation>転出証明書情報を照会しています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="99" />
            <source>転出証明書情報が複数届いています。一覧から選んでください。</source>
            <translation>転出証明書情報が複数届いています。一覧から選んでください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="104" />
            <source>転出証明書情報が届いていません。転出元に確認してください。番号が分かる場合は欄に入力してください。</source>
            <translation>転出証明書情報が届いていません。転出元に確認してください。番号が分かる場合は欄に入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="116" />
            <source>転出証明書情報を入力しました（%1受信、転出元 %2、転出予定日 %3）。</source>
            <translation>転出証明書情報を入力しました（%1受信、転出元 %2、転出予定日 %3）。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="126" />
            <source>転出証明書情報を選びませんでした。欄に入力してください。</source>
            <translation>転出証明書情報を選びませんでした。欄に入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form_card.py" line="135" />
            <source>転出証明書情報を照会できませんでした（%1）。欄に入力してください。</source>
            <translation>転出証明書情報を照会できませんでした（%1）。欄に入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="49" />
            <source>氏名</source>
            <translation>氏名</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="49" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="50" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="50" />
            <source>住所（カード記載）</source>
            <translation>住所（カード記載）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="51" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="138" />
            <source>カードの記載</source>
            <translation>カードの記載</translation>
        </message>
    </context>
    <context>
        <name>MoveField</name>
        <message>
            <location filename="../../ui/moves/address.py" line="64" />
            <location filename="../../ui/moves/labels.py" line="20" />
            <source>郵便番号</source>
            <translation>郵便番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="65" />
            <location filename="../../ui/moves/labels.py" line="21" />
            <source>町丁目</source>
            <translation>町丁目</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="66" />
            <location filename="../../ui/moves/labels.py" line="21" />
            <source>番地・号</source>
            <translation>番地・号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="67" />
            <location filename="../../ui/moves/labels.py" line="22" />
            <source>方書</source>
            <translation>方書</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="16" />
            <source>異動の種別</source>
            <translation>異動の種別</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="16" />
            <source>届出日</source>
            <translation>届出日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="17" />
            <source>異動日</source>
            <translation>異動日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="17" />
            <source>届出が遅れた理由</source>
            <translation>届出が遅れた理由</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="18" />
            <source>職権処理の理由</source>
            <translation>職権処理の理由</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="18" />
            <source>届出人氏名</source>
            <translation>届出人氏名</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="19" />
            <source>届出人と本人との関係</source>
            <translation>届出人と本人との関係</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="19" />
            <source>異動者</source>
            <translation>異動者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="20" />
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="22" />
            <source>世帯</source>
            <translation>世帯</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="23" />
            <source>世帯番号</source>
            <translation>世帯番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="23" />
            <source>世帯の指定</source>
            <translation>世帯の指定</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="24" />
            <source>前住所</source>
            <translation>前住所</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="24" />
            <source>転出予定日</source>
            <translation>転出予定日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="25" />
            <source>転出先</source>
            <translation>転出先</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="25" />
            <source>残る世帯員</source>
            <translation>残る世帯員</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="26" />
            <source>宛名番号</source>
            <translation>宛名番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="26" />
            <source>氏</source>
            <translation>氏</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="27" />
            <source>名</source>
            <translation>名</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="27" />
            <source>氏（フリガナ）</source>
            <translation>氏（フリガナ）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="28" />
            <source>名（フリガナ）</source>
            <translation>名（フリガナ）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="28" />
            <source>生年月日</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="29" />
            <source>性別</source>
            <translation>性別</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="29" />
            <source>住民の種別</source>
            <translation>住民の種別</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="30" />
            <source>続柄</source>
            <translation>続柄</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="30" />
            <source>住民票コード</source>
            <translation>住民票コード</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="31" />
            <source>個人番号</source>
            <translation>個人番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="31" />
            <source>本籍</source>
            <translation>本籍</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="32" />
            <source>筆頭者</source>
            <translation>筆頭者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="32" />
            <source>旧氏</source>
            <translation>旧氏</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="33" />
            <source>旧氏（フリガナ）</source>
            <translation>旧氏（フリガナ）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="33" />
            <source>旧氏（ローマ字）</source>
            <translation>旧氏（ローマ字）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="34" />
            <source>国籍・地域</source>
            <translation>国籍・地域</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="35" />
            <source>法第30条の45に規定する区分</source>
            <translation>法第30条の45に規定する区分</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="36" />
            <source>在留資格</source>
            <translation>在留資格</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="36" />
            <source>在留期間の満了日</source>
            <translation>在留期間の満了日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="37" />
            <source>在留カード等の番号</source>
            <translation>在留カード等の番号</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="37" />
            <source>通称</source>
            <translation>通称</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="38" />
            <source>通称（フリガナ）</source>
            <translation>通称（フリガナ）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="38" />
            <source>転出証明書情報</source>
            <translation>転出証明書情報</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="39" />
            <source>世帯主</source>
            <translation>世帯主</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="39" />
            <source>消除日</source>
            <translation>消除日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="40" />
            <source>消除事由</source>
            <translation>消除事由</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="40" />
            <source>住民となった日</source>
            <translation>住民となった日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="41" />
            <source>住民となった届出日</source>
            <translation>住民となった届出日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="41" />
            <source>住所を定めた日</source>
            <translation>住所を定めた日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="42" />
            <source>住所を定めた届出日</source>
            <translation>住所を定めた届出日</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="42" />
            <source>処理停止</source>
            <translation>処理停止</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="43" />
            <source>世帯員</source>
            <translation>世帯員</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="43" />
            <source>異動事由</source>
            <translation>異動事由</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="44" />
            <source>期間経過</source>
            <translation>期間経過</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="44" />
            <source>注意</source>
            <translation>注意</translation>
        </message>
    </context>
    <context>
        <name>MoveForm</name>
        <message>
            <location filename="../../ui/moves/address.py" line="43" />
            <source>例: 572-0001</source>
            <translation>例: 572-0001</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="47" />
            <source>町名または読みで探す</source>
            <translation>町名または読みで探す</translation>
        </message>
        <message>
            <location filename="../../ui/moves/address.py" line="159" />
            <source>世帯番号（10桁）</source>
            <translation>世帯番号（10桁）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="73" />
            <source>%1の届出</source>
            <translation>%1の届出</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="96" />
            <source>異動者を追加 (Ctrl+N)</source>
            <translation>異動者を追加 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/form.py" line="196" />
            <source>異動者 %1</source>
            <translation>異動者 %1</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="75" />
            <source>同じ世帯のまま</source>
            <translation>同じ世帯のまま</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="76" />
            <source>新しい世帯をつくる</source>
            <translation>新しい世帯をつくる</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="77" />
            <source>既存の世帯に入る</source>
            <translation>既存の世帯に入る</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="80" />
            <source>日本人住民</source>
            <translation>日本人住民</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="81" />
            <source>外国人住民</source>
            <translation>外国人住民</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="84" />
            <source>中長期在留者</source>
            <translation>中長期在留者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="84" />
            <source>特別永住者</source>
            <translation>特別永住者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="85" />
            <source>一時庇護許可者</source>
            <translation>一時庇護許可者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="85" />
            <source>仮滞在許可者</source>
            <translation>仮滞在許可者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="86" />
            <source>出生による経過滞在者</source>
            <translation>出生による経過滞在者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="87" />
            <source>国籍喪失による経過滞在者</source>
            <translation>国籍喪失による経過滞在者</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="28" />
            <source>%1（%2生、現在の続柄: %3）</source>
            <translation>%1（%2生、現在の続柄: %3）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="35" />
            <location filename="../../ui/moves/members.py" line="55" />
            <source>異動後の続柄</source>
            <translation>異動後の続柄</translation>
        </message>
        <message>
            <location filename="../../ui/moves/members.py" line="54" />
            <source>異動する方（Space で選択）</source>
            <translation>異動する方（Space で選択）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="77" />
            <source>異動する方を住民検索（F6）で開き、F8 でこの画面に移ってください。</source>
            <translation>異動する方を住民検索（F6）で開き、F8 でこの画面に移ってください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="82" />
            <source>届出の種類を選んでください。住民検索（F6）で開いた方の届出は F8 で始まります。</source>
            <translation>届出の種類を選んでください。住民検索（F6）で開いた方の届出は F8 で始まります。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="96" />
            <source>届出の種類(&amp;K)</source>
            <translation>届出の種類(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="114" />
            <source>住基システムに接続されていません。</source>
            <translation>住基システムに接続されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="137" />
            <source>届出の種類を読み込めませんでした。</source>
            <translation>届出の種類を読み込めませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="229" />
            <source>確認のため送信しています…</source>
            <translation>確認のため送信しています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="248" />
            <location filename="../../ui/moves/page.py" line="310" />
            <source>（F10 で再送）</source>
            <translation>（F10 で再送）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="283" />
            <source>確定しています…</source>
            <translation>確定しています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/page.py" line="327" />
            <source>最新の記録で作り直しています…</source>
            <translation>最新の記録で作り直しています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="49" />
            <location filename="../../ui/moves/person.py" line="54" />
            <source>（選択）</source>
            <translation>（選択）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/person.py" line="121" />
            <source>この方を削除</source>
            <translation>この方を削除</translation>
        </message>
    </context>
    <context>
        <name>MoveKind</name>
        <message>
            <location filename="../../ui/moves/labels.py" line="56" />
            <source>転居</source>
            <translation>転居</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="57" />
            <source>転入</source>
            <translation>転入</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="58" />
            <source>転出</source>
            <translation>転出</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="59" />
            <source>特例転入</source>
            <translation>特例転入</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="60" />
            <source>世帯主変更</source>
            <translation>世帯主変更</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="61" />
            <source>世帯分離</source>
            <translation>世帯分離</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="62" />
            <source>世帯合併</source>
            <translation>世帯合併</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="63" />
            <source>世帯構成変更</source>
            <translation>世帯構成変更</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="64" />
            <source>国外転入</source>
            <translation>国外転入</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="65" />
            <source>国外転出</source>
            <translation>国外転出</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="66" />
            <source>記載事項変更</source>
            <translation>記載事項変更</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="67" />
            <source>在留資格等変更</source>
            <translation>在留資格等変更</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="68" />
            <source>出生</source>
            <translation>出生</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="69" />
            <source>死亡</source>
            <translation>死亡</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="70" />
            <source>職権記載</source>
            <translation>職権記載</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="71" />
            <source>職権消除</source>
            <translation>職権消除</translation>
        </message>
        <message>
            <location filename="../../ui/moves/labels.py" line="72" />
            <source>職権修正</source>
            <translation>職権修正</translation>
        </message>
    </context>
    <context>
        <name>MoveReview</name>
        <message>
            <location filename="../../ui/moves/page.py" line="278" />
            <source>届書と照合して、確認欄にチェックを入れてください。</source>
            <translation>届書と照合して、確認欄にチェックを入れてください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="82" />
            <location filename="../../ui/moves/review.py" line="107" />
            <source>対象</source>
            <translation>対象</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="82" />
            <location filename="../../ui/moves/review.py" line="107" />
            <source>項目</source>
            <translation>項目</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="83" />
            <source>変更前</source>
            <translation>変更前</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="83" />
            <source>変更後</source>
            <translation>変更後</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="84" />
            <source>注意</source>
            <translation>注意</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="86" />
            <source>届書の記載内容と一致することを確認しました (Space)</source>
            <translation>届書の記載内容と一致することを確認しました (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="88" />
            <location filename="../../ui/moves/review.py" line="113" />
            <source>戻って修正 (Esc)</source>
            <translation>戻って修正 (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="89" />
            <source>確定 (F10)</source>
            <translation>確定 (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="108" />
            <source>下書き作成時</source>
            <translation>下書き作成時</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="108" />
            <source>現在</source>
            <translation>現在</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="111" />
            <source>最新の記録で作り直す (F10)</source>
            <translation>最新の記録で作り直す (F10)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="115" />
            <source>下書きの作成後に、この届出に関わる記録が他の処理で変更されました。変更された内容:</source>
            <translation>下書きの作成後に、この届出に関わる記録が他の処理で変更されました。変更された内容:</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="129" />
            <source>新しい届出 (F7)</source>
            <translation>新しい届出 (F7)</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="163" />
            <source>届出内容の確認（%1）</source>
            <translation>届出内容の確認（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="175" />
            <source>変更された内容を調べています…</source>
            <translation>変更された内容を調べています…</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="177" />
            <source>変更された項目を特定できませんでした。作り直して内容を確認してください。</source>
            <translation>変更された項目を特定できませんでした。作り直して内容を確認してください。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="187" />
            <source>確定済み（%1）</source>
            <translation>確定済み（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="188" />
            <source>確定しました。</source>
            <translation>確定しました。</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="191" />
            <source>%3（宛名番号 %1）: %2</source>
            <translation>%3（宛名番号 %1）: %2</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="192" />
            <source>宛名番号 %1: %2</source>
            <translation>宛名番号 %1: %2</translation>
        </message>
        <message>
            <location filename="../../ui/moves/review.py" line="195" />
            <source>転出証明書の内容: %1 件</source>
            <translation>転出証明書の内容: %1 件</translation>
        </message>
    </context>
    <context>
        <name>RegistryBanner</name>
        <message>
            <location filename="../../ui/banner.py" line="279" />
            <source>今すぐ再接続 (Ctrl+R)</source>
            <translation>今すぐ再接続 (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../ui/banner.py" line="313" />
            <source>住基システムの応答が遅れています。そのままお待ちください。入力した内容は保持されています。</source>
            <translation>住基システムの応答が遅れています。そのままお待ちください。入力した内容は保持されています。</translation>
        </message>
        <message>
            <location filename="../../ui/banner.py" line="319" />
            <source>住基システムに接続できません。自動的に再接続します（あと %1 秒）。入力した内容は保持されています。</source>
            <translation>住基システムに接続できません。自動的に再接続します（あと %1 秒）。入力した内容は保持されています。</translation>
        </message>
    </context>
    <context>
        <name>Shield</name>
        <message>
            <location filename="../../ui/security/shield.py" line="48" />
            <location filename="../../ui/security/shield.py" line="59" />
            <source>画面を保護しています</source>
            <translation>画面を保護しています</translation>
        </message>
        <message>
            <location filename="../../ui/security/shield.py" line="50" />
            <source>キーを押すかクリックすると作業に戻ります。</source>
            <translation>キーを押すかクリックすると作業に戻ります。</translation>
        </message>
        <message>
            <location filename="../../ui/security/shield.py" line="51" />
            <source>F12: すぐに画面を保護</source>
            <translation>F12: すぐに画面を保護</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../ui/login/page.py" line="37" />
            <source>職員IDまたはパスワードが違います。</source>
            <translation>職員IDまたはパスワードが違います。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="39" />
            <source>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</source>
            <translation>続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="41" />
            <source>この端末は登録されていません。端末の管理者に連絡してください。</source>
            <translation>この端末は登録されていません。端末の管理者に連絡してください。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="43" />
            <source>住基システムに接続できません。しばらくしてからもう一度お試しください。</source>
            <translation>住基システムに接続できません。しばらくしてからもう一度お試しください。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="46" />
            <source>ログインできませんでした。</source>
            <translation>ログインできませんでした。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="120" />
            <source>住民基本台帳 窓口端末</source>
            <translation>住民基本台帳 窓口端末</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="50" />
            <source>ログインしてください。</source>
            <translation>ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="122" />
            <source>職員ID</source>
            <translation>職員ID</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="123" />
            <source>パスワード</source>
            <translation>パスワード</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="126" />
            <source>ログイン (Enter)</source>
            <translation>ログイン (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="128" />
            <source>端末の診断 (Ctrl+Shift+D)</source>
            <translation>端末の診断 (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="124" />
            <source>職員ID(&amp;I)</source>
            <translation>職員ID(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="125" />
            <source>パスワード(&amp;P)</source>
            <translation>パスワード(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/login/page.py" line="45" />
            <source>職員IDとパスワードを入力してください。</source>
            <translation>職員IDとパスワードを入力してください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="417" />
            <source>操作がなかったため、ログアウトしました。もう一度ログインしてください。</source>
            <translation>操作がなかったため、ログアウトしました。もう一度ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="419" />
            <source>セッションが終了しました。もう一度ログインしてください。</source>
            <translation>セッションが終了しました。もう一度ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/shell.py" line="420" />
            <source>ログアウトしました。ログインしてください。</source>
            <translation>ログアウトしました。ログインしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/login/language_choice.py" line="59" />
            <source>表示言語</source>
            <translation>表示言語</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../../ui/workspaces.py" line="63" />
            <source>この業務の画面は今後のリリースで追加されます。</source>
            <translation>この業務の画面は今後のリリースで追加されます。</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="97" />
            <location filename="../../ui/workspaces.py" line="110" />
            <source>診断</source>
            <translation>診断</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="104" />
            <source>窓口</source>
            <translation>窓口</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="106" />
            <source>カード交付</source>
            <translation>カード交付</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="108" />
            <source>承認</source>
            <translation>承認</translation>
        </message>
        <message>
            <location filename="../../ui/workspaces.py" line="113" />
            <source>監査</source>
            <translation>監査</translation>
        </message>
    </context>
</TS>
