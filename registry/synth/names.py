"""Japanese surnames and given names with their katakana readings, for synthetic residents.

The tables are plain text (kanji:reading:weight) parsed once at import, which keeps several
hundred names readable in a short module. Surname weights are rough counts in thousands, bent
towards Osaka (山本, 田中, 中村 and 西村, 北村, 岡本 are more common there than in the east).
A few surnames use variant characters (髙, 﨑, 邉, 邊, 齋) at low weight: they exercise the 文字同定
path of the register. Given names depend on the birth year, since names follow fashions.
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import jaconv


@dataclass(frozen=True, slots=True)
class Name:
    kanji: str
    kana: str  # full-width katakana


class WeightedNames:
    """Names with cumulative weights, so one draw is a single bisect (fast for 10^6 people)."""

    __slots__ = ("_cum", "_total", "names")

    def __init__(self, names: list[Name], weights: list[float]) -> None:
        if not names or len(names) != len(weights):
            raise ValueError("names and weights must be non-empty and of equal length")
        self.names = tuple(names)
        self._cum = tuple(accumulate(weights))
        self._total = self._cum[-1]

    def pick(self, rng: random.Random) -> Name:
        return self.names[bisect(self._cum, rng.random() * self._total)]

    def __len__(self) -> int:
        return len(self.names)


def parse_table(text: str) -> tuple[list[Name], list[float]]:
    """Parse "漢字:カナ[:weight]" entries separated by whitespace; the weight defaults to 1."""
    names: list[Name] = []
    weights: list[float] = []
    for entry in text.split():
        kanji, kana, *rest = entry.split(":")
        names.append(Name(kanji, kana))
        weights.append(float(rest[0]) if rest else 1.0)
    return names, weights


_SURNAMES = """
田中:タナカ:1400 山本:ヤマモト:1350 中村:ナカムラ:1150 吉田:ヨシダ:950 松本:マツモト:800
井上:イノウエ:780 山田:ヤマダ:760 山口:ヤマグチ:640 木村:キムラ:620 林:ハヤシ:600
小林:コバヤシ:580 高橋:タカハシ:700 佐藤:サトウ:750 鈴木:スズキ:550 伊藤:イトウ:620
渡辺:ワタナベ:620 加藤:カトウ:500 西村:ニシムラ:520 岡本:オカモト:500 藤原:フジワラ:460
前田:マエダ:460 山下:ヤマシタ:440 中川:ナカガワ:400 清水:シミズ:380 森:モリ:420
上田:ウエダ:420 藤田:フジタ:380 松田:マツダ:380 岡田:オカダ:400 池田:イケダ:400
北村:キタムラ:300 橋本:ハシモト:420 石田:イシダ:280 山崎:ヤマサキ:300 中島:ナカジマ:300
小川:オガワ:280 阿部:アベ:220 石川:イシカワ:240 佐々木:ササキ:300 斎藤:サイトウ:220
長谷川:ハセガワ:240 後藤:ゴトウ:220 近藤:コンドウ:230 村上:ムラカミ:260 遠藤:エンドウ:150
青木:アオキ:230 坂本:サカモト:300 福田:フクダ:260 太田:オオタ:240 藤井:フジイ:360
金子:カネコ:180 中野:ナカノ:260 三浦:ミウラ:160 原田:ハラダ:280 松井:マツイ:300
竹内:タケウチ:230 小野:オノ:250 田村:タムラ:260 中山:ナカヤマ:260 和田:ワダ:260
森田:モリタ:280 内田:ウチダ:200 柴田:シバタ:200 酒井:サカイ:200 宮崎:ミヤザキ:180
横山:ヨコヤマ:200 高木:タカギ:200 安藤:アンドウ:160 宮本:ミヤモト:250 大野:オオノ:200
小島:コジマ:160 谷口:タニグチ:300 今井:イマイ:220 工藤:クドウ:110 高田:タカダ:220
増田:マスダ:200 丸山:マルヤマ:180 杉山:スギヤマ:150 村田:ムラタ:240 大塚:オオツカ:150
新井:アライ:120 平野:ヒラノ:200 藤本:フジモト:300 河野:コウノ:150 上野:ウエノ:180
野口:ノグチ:180 武田:タケダ:200 千葉:チバ:90 岩崎:イワサキ:170 木下:キノシタ:260
久保:クボ:200 野村:ノムラ:230 松尾:マツオ:220 市川:イチカワ:150 杉本:スギモト:230
古川:フルカワ:160 大西:オオニシ:320 島田:シマダ:180 水野:ミズノ:150 吉川:ヨシカワ:200
山内:ヤマウチ:170 西田:ニシダ:250 飯田:イイダ:150 西川:ニシカワ:240 小松:コマツ:150
安田:ヤスダ:200 川口:カワグチ:170 平田:ヒラタ:180 中田:ナカタ:200 服部:ハットリ:140
東:ヒガシ:200 岩田:イワタ:160 川崎:カワサキ:150 本田:ホンダ:150 辻:ツジ:240
樋口:ヒグチ:140 田口:タグチ:150 永井:ナガイ:150 山中:ヤマナカ:200 中西:ナカニシ:300
吉村:ヨシムラ:200 川上:カワカミ:180 石原:イシハラ:150 大橋:オオハシ:150 松岡:マツオカ:180
馬場:ババ:130 浅野:アサノ:120 荒木:アラキ:140 田辺:タナベ:160 松下:マツシタ:180
堀:ホリ:160 尾崎:オザキ:140 奥田:オクダ:220 森本:モリモト:260 浜田:ハマダ:200
植田:ウエダ:180 寺田:テラダ:170 北川:キタガワ:170 大谷:オオタニ:150 南:ミナミ:160
谷:タニ:150 土井:ドイ:140 堀田:ホッタ:100 今西:イマニシ:110 奥村:オクムラ:150
岸本:キシモト:170 森下:モリシタ:160 西岡:ニシオカ:140 竹田:タケダ:130
宮田:ミヤタ:140 西山:ニシヤマ:150 梅田:ウメダ:110 福井:フクイ:120 中尾:ナカオ:140
吉岡:ヨシオカ:150 山岡:ヤマオカ:110 岡村:オカムラ:120 長尾:ナガオ:110 井口:イグチ:110
坂口:サカグチ:140 川端:カワバタ:120 小西:コニシ:180 稲垣:イナガキ:100 広瀬:ヒロセ:110
菅原:スガワラ:100 五十嵐:イガラシ:60 関:セキ:90 菊地:キクチ:70 久保田:クボタ:140
大久保:オオクボ:120 野田:ノダ:140 桜井:サクライ:130 星野:ホシノ:100 土屋:ツチヤ:80
片山:カタヤマ:160 中谷:ナカタニ:150 上原:ウエハラ:110 竹中:タケナカ:120 三宅:ミヤケ:130
髙橋:タカハシ:12 山﨑:ヤマザキ:10 渡邉:ワタナベ:10 渡邊:ワタナベ:6 齋藤:サイトウ:6
"""

SURNAMES = WeightedNames(*parse_table(_SURNAMES))

# Given names by birth-year band. The bands overlap in fashion, not in years: a name can appear
# in two bands (大輔, 愛, 葵) because it was popular across the boundary.
_MALE = {
    1955: """清:キヨシ 茂:シゲル 博:ヒロシ 実:ミノル 勇:イサム 進:ススム 正:タダシ 隆:タカシ
        勝:マサル 弘:ヒロシ 昭:アキラ 武:タケシ 修:オサム 稔:ミノル 和夫:カズオ 正雄:マサオ
        義雄:ヨシオ 幸雄:ユキオ 三郎:サブロウ 一郎:イチロウ 健一:ケンイチ 光男:ミツオ 秀夫:ヒデオ
        明:アキラ 栄一:エイイチ 忠:タダシ""",
    1985: """誠:マコト 浩:ヒロシ 剛:ツヨシ 哲也:テツヤ 直樹:ナオキ 健:ケン 大輔:ダイスケ
        達也:タツヤ 和也:カズヤ 浩二:コウジ 健二:ケンジ 秀樹:ヒデキ 聡:サトシ 学:マナブ 亮:リョウ
        拓也:タクヤ 健太:ケンタ 雅之:マサユキ 英樹:ヒデキ 智之:トモユキ 隆之:タカユキ 洋平:ヨウヘイ
        慎也:シンヤ 淳:ジュン""",
    2005: """翔太:ショウタ 大輔:ダイスケ 拓海:タクミ 健太:ケンタ 翔:ショウ 大樹:ダイキ 達也:タツヤ
        拓也:タクヤ 直人:ナオト 翼:ツバサ 大貴:ダイキ 雄太:ユウタ 海斗:カイト 颯太:ソウタ
        優斗:ユウト 亮太:リョウタ 蓮:レン 陸:リク 悠斗:ユウト 一輝:カズキ 和樹:カズキ
        涼介:リョウスケ""",
    9999: """蓮:レン 陽翔:ハルト 湊:ミナト 蒼:アオイ 樹:イツキ 大翔:ヒロト 悠真:ユウマ 朝陽:アサヒ
        律:リツ 颯真:ソウマ 陽太:ヒナタ 碧:アオイ 悠人:ユウト 奏太:ソウタ 結翔:ユイト 湊斗:ミナト
        蒼空:ソラ 新:アラタ 凪:ナギ 暖:ダン 陽向:ヒナタ 伊織:イオリ""",
}
_FEMALE = {
    1955: """和子:カズコ 幸子:サチコ 節子:セツコ 洋子:ヨウコ 恵子:ケイコ 京子:キョウコ 美智子:ミチコ
        久子:ヒサコ 弘子:ヒロコ 文子:フミコ 照子:テルコ 静子:シズコ 千代子:チヨコ 清子:キヨコ
        喜美子:キミコ 信子:ノブコ 和江:カズエ 悦子:エツコ 正子:マサコ 敏子:トシコ 冨美子:フミコ
        ハル:ハル キヨ:キヨ トメ:トメ""",
    1985: """裕子:ユウコ 恵子:ケイコ 真由美:マユミ 久美子:クミコ 直美:ナオミ 明美:アケミ
        由美子:ユミコ 智子:トモコ 陽子:ヨウコ 純子:ジュンコ 美紀:ミキ 恵美:エミ 香織:カオリ
        美穂:ミホ 愛:アイ 麻衣:マイ 理恵:リエ 友美:トモミ 由美:ユミ 佳子:ヨシコ 真理子:マリコ
        典子:ノリコ""",
    2005: """美咲:ミサキ 愛:アイ 彩:アヤ 沙織:サオリ 麻衣:マイ 舞:マイ 遥:ハルカ 優花:ユウカ
        彩花:アヤカ 萌:モエ 七海:ナナミ 葵:アオイ 真由:マユ 千尋:チヒロ 莉子:リコ 結衣:ユイ
        陽菜:ヒナ 菜々子:ナナコ 未来:ミク 美羽:ミウ 楓:カエデ""",
    9999: """陽葵:ヒマリ 結菜:ユイナ 紬:ツムギ 凛:リン 芽依:メイ 葵:アオイ 結愛:ユア 咲良:サクラ
        澪:ミオ 杏:アン 莉子:リコ 陽菜:ヒナ 結月:ユヅキ 花:ハナ 美桜:ミオ 心春:コハル 詩:ウタ
        翠:スイ 芽生:メイ 朱莉:アカリ 紗希:サキ""",
}


def _bands(table: dict[int, str]) -> tuple[tuple[int, ...], tuple[WeightedNames, ...]]:
    ends = tuple(sorted(table))
    return ends, tuple(WeightedNames(*parse_table(table[e])) for e in ends)


_MALE_BANDS = _bands(_MALE)
_FEMALE_BANDS = _bands(_FEMALE)


def given_names(sex: str, birth_year: int) -> WeightedNames:
    """The given-name table for a sex ("1" male, else female) and birth year."""
    ends, tables = _MALE_BANDS if sex == "1" else _FEMALE_BANDS
    for end, table in zip(ends, tables, strict=False):
        if birth_year <= end:
            return table
    return tables[-1]


def given_name(rng: random.Random, sex: str, birth_year: int) -> Name:
    # Fashions blur at the edges of a band: a few people get a name from the next older band.
    if rng.random() < 0.15:
        birth_year -= 15
    return given_names(sex, birth_year).pick(rng)


def surname(rng: random.Random) -> Name:
    return SURNAMES.pick(rng)


def other_surname(rng: random.Random, not_this: Name) -> Name:
    """A surname different in reading from the given one (a maiden name, a lodger's name)."""
    while True:
        s = SURNAMES.pick(rng)
        if s.kana != not_this.kana:
            return s


_LONG_VOWEL = re.compile(r"(?<=[ou])u(?![aeiou])|(?<=o)o(?![aeiou])")
_N_BEFORE_LABIAL = re.compile(r"n(?=[bmp])")


@lru_cache(maxsize=4096)
def romaji(kana: str) -> str:
    """Passport-style Hepburn in capitals (サトウ → SATO, オオタ → OTA, イノウエ → INOUE,
    ナンバ → NAMBA), as a 旧氏 is written in Latin letters on the card."""
    roman = jaconv.kana2alphabet(jaconv.kata2hira(kana))
    roman = _LONG_VOWEL.sub("", roman)
    return _N_BEFORE_LABIAL.sub("m", roman).upper()
