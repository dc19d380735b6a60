"""Foreign residents (外国人住民): nationalities, names, 在留資格 and card numbers.

Shares follow a Kansai commuter city: many 韓国・朝鮮 residents (a large part
特別永住者, born here, often with a Japanese-style 通称), Chinese, and a fast-growing
Vietnamese group of technical interns and students. Names of 中国/韓国 nationals are
in kanji, the others in Latin capitals as on the passport; every name has a katakana
reading.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from registry.synth.names import Name, WeightedNames, parse_table
from registry.synth.rand import pick

SPECIAL_PERMANENT = "特別永住者"
PERMANENT = "永住者"
ENGINEER = "技術・人文知識・国際業務"
TRAINEE = "技能実習"
STUDENT = "留学"
DEPENDENT = "家族滞在"
SPOUSE_OF_JAPANESE = "日本人の配偶者等"
LONG_TERM = "定住者"

# Statuses without a period of stay (no 在留期間満了日).
NO_EXPIRY = frozenset({SPECIAL_PERMANENT, PERMANENT})
# Statuses of people who come alone: their household is a single person.
ALONE = frozenset({TRAINEE, STUDENT})
# Statuses whose holder's spouse and children get 家族滞在.
SPONSORS_DEPENDENTS = frozenset({ENGINEER, STUDENT})


@dataclass(frozen=True, slots=True)
class Nationality:
    name: str  # 国籍・地域 as printed on the 住民票
    country_for_address: str  # 転入元/転出先 when moving from or to abroad
    weight: float
    statuses: tuple[tuple[str, float], ...]
    family: WeightedNames
    male: WeightedNames
    female: WeightedNames
    spouse_keeps_name: bool  # wives keep their own family name (China, Korea, Vietnam)


def _names(text: str) -> WeightedNames:
    # Latin names use "_" for the space inside a given name ("VAN_HUNG" → "VAN HUNG").
    names, weights = parse_table(text)
    return WeightedNames([Name(n.kanji.replace("_", " "), n.kana) for n in names], weights)


NATIONALITIES: tuple[Nationality, ...] = (
    Nationality(
        "韓国", "大韓民国", 26.0,
        ((SPECIAL_PERMANENT, 55), (PERMANENT, 20), (SPOUSE_OF_JAPANESE, 6), (ENGINEER, 12),
         (STUDENT, 7)),
        _names("""金:キム:22 李:イ:15 朴:パク:12 崔:チェ:5 鄭:チョン:4 姜:カン:3 趙:チョ:3
            尹:ユン:2 張:チャン:2 林:イム:2"""),
        _names("""正浩:ジョンホ 英洙:ヨンス 成勲:ソンフン 敏俊:ミンジュン 載元:ジェウォン
            泰植:テシク 東賢:ドンヒョン 相哲:サンチョル"""),
        _names("""美英:ミヨン 恩珠:ウンジュ 秀晶:スジョン 知恩:ジウン 順子:スンジャ 英姫:ヨンヒ
            惠媛:ヘウォン 瑞妍:ソヨン"""),
        True,
    ),
    Nationality(
        "朝鮮", "朝鮮", 3.0,
        ((SPECIAL_PERMANENT, 95), (PERMANENT, 5)),
        _names("金:キム:3 李:リ:2 朴:パク:2 高:コ:1 康:カン:1"),
        _names("成浩:ソンホ 永哲:ヨンチョル 光男:クァンナム 明洙:ミョンス"),
        _names("順玉:スノク 貞子:チョンジャ 英淑:ヨンスク 美花:ミファ"),
        True,
    ),
    Nationality(
        "中国", "中華人民共和国", 28.0,
        ((PERMANENT, 33), (ENGINEER, 20), (STUDENT, 14), (DEPENDENT, 8), (SPOUSE_OF_JAPANESE, 9),
         (LONG_TERM, 6), (TRAINEE, 10)),
        _names("""王:ワン:10 李:リ:9 張:チャン:9 劉:リュウ:6 陳:チン:6 楊:ヤン:4 趙:チョウ:3
            黄:コウ:3 周:シュウ:3 呉:ゴ:2 孫:ソン:2 徐:ジョ:2"""),
        _names("""偉:ウェイ 強:チャン 磊:レイ 軍:ジュン 洋:ヤン 勇:ヨン 傑:ジエ 涛:タオ 明:ミン
            超:チャオ 浩然:ハオラン 子軒:ズーシュエン"""),
        _names("""芳:ファン 娜:ナ 敏:ミン 静:ジン 麗:リー 艶:イエン 秀英:シュウイン 霞:シア
            婷:ティン 雪:シュエ 欣怡:シンイー 雨涵:ユーハン"""),
        True,
    ),
    Nationality(
        "ベトナム", "ベトナム社会主義共和国", 22.0,
        ((TRAINEE, 45), (ENGINEER, 22), (STUDENT, 18), (DEPENDENT, 5), (PERMANENT, 6),
         (LONG_TERM, 4)),
        _names("""NGUYEN:グエン:38 TRAN:チャン:11 LE:レ:9 PHAM:ファム:7 HOANG:ホアン:5
            HUYNH:フイン:4 PHAN:ファン:4 VU:ヴー:4 VO:ヴォー:3 DANG:ダン:2 BUI:ブイ:2
            DO:ドー:2"""),
        _names("""VAN_HUNG:ヴァンフン VAN_NAM:ヴァンナム DUC_ANH:ドゥックアイン
            MINH_TUAN:ミントゥアン QUANG_HUY:クアンフイ VAN_THANH:ヴァンタイン
            HOANG_LONG:ホアンロン DINH_KHOA:ディンコア"""),
        _names("""THI_HOA:ティホア THI_LAN:ティラン THI_MAI:ティマイ THI_HUONG:ティフオン
            NGOC_ANH:ゴックアイン THU_TRANG:トゥチャン THI_THAO:ティタオ MY_LINH:ミーリン"""),
        True,
    ),
    Nationality(
        "フィリピン", "フィリピン共和国", 6.0,
        ((PERMANENT, 40), (SPOUSE_OF_JAPANESE, 22), (LONG_TERM, 15), (TRAINEE, 15),
         (ENGINEER, 8)),
        _names("""SANTOS:サントス REYES:レイエス CRUZ:クルス BAUTISTA:バウティスタ GARCIA:ガルシア
            MENDOZA:メンドーサ DELA_CRUZ:デラクルス RAMOS:ラモス AQUINO:アキノ
            VILLANUEVA:ビリャヌエバ"""),
        _names("""JOSE:ホセ MARK_ANTHONY:マークアンソニー JOHN_PAUL:ジョンポール MICHAEL:マイケル
            RONALDO:ロナルド JERICHO:ジェリコ"""),
        _names("""MARIA_CRISTINA:マリアクリスティーナ ROSALIE:ロザリー MARY_JOY:メリージョイ
            JENNIFER:ジェニファー ANGELICA:アンジェリカ LORNA:ロルナ"""),
        False,
    ),
    Nationality(
        "ネパール", "ネパール", 5.0,
        ((STUDENT, 35), (DEPENDENT, 20), (ENGINEER, 30), (PERMANENT, 10), (LONG_TERM, 5)),
        _names("""GURUNG:グルン TAMANG:タマン SHRESTHA:シュレスタ RAI:ライ MAGAR:マガル THAPA:タパ
            SHARMA:シャルマ ADHIKARI:アディカリ BHATTARAI:バッタライ"""),
        _names("""RAM:ラム BIKASH:ビカス SURESH:スレス PRAKASH:プラカス ANIL:アニル
            DIPENDRA:ディペンドラ"""),
        _names("SITA:シタ GITA:ギタ SARITA:サリタ ANJALI:アンジャリ SUNITA:スニタ PUJA:プジャ"),
        False,
    ),
    Nationality(
        "ブラジル", "ブラジル連邦共和国", 2.5,
        ((PERMANENT, 50), (LONG_TERM, 38), (SPOUSE_OF_JAPANESE, 12)),
        _names("""SILVA:シルバ:3 SANTOS:サントス:2 OLIVEIRA:オリベイラ SOUZA:ソウザ
            PEREIRA:ペレイラ COSTA:コスタ NAKAMURA:ナカムラ HIGA:ヒガ SHIMABUKURO:シマブクロ"""),
        _names("""JOAO_PEDRO:ジョアンペドロ RAFAEL:ハファエル MARCOS:マルコス
            FERNANDO:フェルナンド LUCAS:ルーカス"""),
        _names("""ANA_PAULA:アナパウラ JULIANA:ジュリアナ MARIANA:マリアナ FERNANDA:フェルナンダ
            PATRICIA:パトリシア"""),
        False,
    ),
    Nationality(
        "インドネシア", "インドネシア共和国", 5.0,
        ((TRAINEE, 60), (STUDENT, 15), (ENGINEER, 20), (PERMANENT, 5)),
        _names("""SAPUTRA:サプトラ WIJAYA:ウィジャヤ PRATAMA:プラタマ SETIAWAN:セティアワン
            HIDAYAT:ヒダヤット NUGROHO:ヌグロホ KURNIAWAN:クルニアワン LESTARI:レスタリ"""),
        _names("AHMAD:アフマド BUDI:ブディ RIZKY:リズキ AGUS:アグス EKO:エコ FAJAR:ファジャル"),
        _names("DEWI:デウィ SITI:シティ PUTRI:プトリ AYU:アユ INDAH:インダ NUR:ヌル"),
        False,
    ),
    Nationality(
        "米国", "アメリカ合衆国", 2.5,
        ((ENGINEER, 45), (PERMANENT, 25), (SPOUSE_OF_JAPANESE, 20), (STUDENT, 10)),
        _names("""SMITH:スミス JOHNSON:ジョンソン WILLIAMS:ウィリアムズ BROWN:ブラウン
            JONES:ジョーンズ MILLER:ミラー DAVIS:デイビス WILSON:ウィルソン TAYLOR:テイラー
            ANDERSON:アンダーソン"""),
        _names("""JAMES:ジェームズ JOHN:ジョン ROBERT:ロバート MICHAEL:マイケル DAVID:デイビッド
            DANIEL:ダニエル"""),
        _names("""MARY:メアリー JENNIFER:ジェニファー SARAH:サラ EMILY:エミリー JESSICA:ジェシカ
            ELIZABETH:エリザベス"""),
        False,
    ),
)

_NAT_CUM: list[float] = []
for _n in NATIONALITIES:
    _NAT_CUM.append((_NAT_CUM[-1] if _NAT_CUM else 0.0) + _n.weight)


def nationality(rng: random.Random) -> Nationality:
    r = rng.random() * _NAT_CUM[-1]
    for nat, cum in zip(NATIONALITIES, _NAT_CUM, strict=False):
        if r < cum:
            return nat
    return NATIONALITIES[-1]


def residence_status(rng: random.Random, nat: Nationality) -> str:
    total = sum(w for _, w in nat.statuses)
    r = rng.random() * total
    for status, w in nat.statuses:
        r -= w
        if r < 0:
            return status
    return nat.statuses[-1][0]


def card_number(rng: random.Random) -> str:
    """在留カード / 特別永住者証明書 number: 2 letters, 8 digits, 2 letters (AB12345678CD)."""
    letters = string.ascii_uppercase
    return (
        pick(rng, letters) + pick(rng, letters) + f"{int(rng.random() * 10**8):08d}"
        + pick(rng, letters) + pick(rng, letters)
    )


def article_30_45(status: str) -> str:
    # The 法30条の45 categories used here: 特別永住者, or 中長期在留者 for everybody
    # else with a card.
    return SPECIAL_PERMANENT if status == SPECIAL_PERMANENT else "中長期在留者"


def stay_years(rng: random.Random, status: str) -> int:
    """Length of the granted period of stay in years (1, 2, 3 or 5 depending on status)."""
    if status == TRAINEE:
        return pick(rng, (1, 1, 2))
    if status == STUDENT:
        return pick(rng, (1, 2, 2, 4))
    return pick(rng, (1, 3, 3, 5))


# Japanese-style 通称 surnames used by 特別永住者 families, keyed by family name.
ALIAS_SURNAMES: dict[str, tuple[Name, ...]] = {
    "金": (Name("金田", "カネダ"), Name("金本", "カネモト"), Name("金山", "カネヤマ"),
           Name("金原", "カネハラ")),
    "李": (Name("岩本", "イワモト"), Name("李家", "リノイエ"), Name("宮本", "ミヤモト")),
    "朴": (Name("新井", "アライ"), Name("木村", "キムラ"), Name("朴山", "ボクヤマ")),
}
DEFAULT_ALIAS_SURNAMES = (Name("山本", "ヤマモト"), Name("松本", "マツモト"),
                          Name("高山", "タカヤマ"))


def alias_surname(rng: random.Random, family_name: str) -> Name:
    return pick(rng, ALIAS_SURNAMES.get(family_name, DEFAULT_ALIAS_SURNAMES))
