"""The multilingual pattern library of ``promo-lines``.

Each entry says what a whole line of page furniture looks like: a call to action
("read more", "subscribe to our newsletter"), an ad or sponsor mark, a social or
cookie or app banner, a navigation crumb, a copyright footer. Patterns are written
for the line's *comparison form* (NFKC, case-folded, white space collapsed,
bullets and trailing arrows stripped, see :func:`line_key`), so they need no case
or spacing variants.

Three shapes of match:

- ``line``: the pattern is the whole line ("read more", "advertisement").
- ``prefix``: the pattern opens the line and a separator and a teaser follow
  ("also read: <headline>", "lesen sie auch | <headline>").
- ``contains``: the pattern may sit anywhere in a short line ("all rights
  reserved", "we use cookies").

Typo tolerance: every word of six letters in a pattern, written as ``~word``,
matches with one edit and every longer one with two (``regex`` fuzzy matching),
so a misspelt "Read this articel" is still found. Shorter words are matched
exactly: one edit in a four-letter word turns it into another word too easily.
Since a ``line`` entry must cover the whole line, the tolerance cannot reach into
prose.

Coverage: English, German, French, Spanish, Italian, Portuguese, Dutch, with
the commonest Czech, Polish, Japanese and Chinese marks, and the headings of
teaser boxes ("most popular", "related stories") in these and Korean and Russian. The entries are generic web-page phrases,
not the words of any particular page.
"""

from __future__ import annotations

import unicodedata

import attrs
import regex

WEAK_CATEGORIES = frozenset({"nav", "pager", "social", "box"})
"""Entries of these categories (single navigation words, social-network names) are
too plain to remove a line on their own inside the content ("Search" may be a
heading); they only count where the content model already sees page furniture."""

FUZZY_MIN_CHARS = 6
"""Pattern words this long or longer tolerate one typo (see the module docstring)."""

FUZZY_TWO_EDITS_CHARS = 7
"""...and words this long two: a phonetic misspelling often swaps two letters for
two others ("-icle" written "-ical")."""


def fuzzy_edits(word: str) -> int:
    """How many typos a ``~word`` of the library tolerates: 0, 1 or 2 by its length."""
    if len(word) < FUZZY_MIN_CHARS:
        return 0
    return 1 if len(word) < FUZZY_TWO_EDITS_CHARS else 2

# A "?" after a fuzzy word is dropped: the one allowed edit already covers that letter.
_FUZZY_WORD_RE = regex.compile(r"~(\w+)\??")
_SPACE_RE = regex.compile(r"\s+")
# Bullets, arrows, quotes and brackets that decorate a call to action on either side.
_EDGE_RE = regex.compile(r"^[^\w©]+|[\W_]+$")
# It finds nothing when the key opens with a word character or "©" and closes with a
# word character but "_" (most keys): two tests of one character instead of its scan.
_EDGE_FIRST_RE = regex.compile(r"[^\w©]")
_EDGE_LAST_RE = regex.compile(r"[\W_]")
# What may separate a prefix ("also read") from the teaser that follows it.
_PREFIX_SEP = r"(?:\s*[:|»›>\-–—•·/]+\s*|\s+)"


@attrs.frozen(slots=True)
class LibraryPattern:
    """One compiled library entry: ``category`` and ``lang`` name it in reasons."""

    category: str
    lang: str
    shape: str
    source: str
    compiled: regex.Pattern[str] = attrs.field(eq=False, repr=False)

    def teaser(self, key: str) -> str:
        """What follows a ``prefix`` entry in ``key`` (the teaser headline); all of
        ``key`` for other shapes."""
        if self.shape != "prefix":
            return key
        m = self.compiled.match(key)
        return key[m.end() - 1:] if m else key

    @property
    def label(self) -> str:
        """How a reason names the entry: ``cta/en 'read more'``."""
        return f"{self.category}/{self.lang} {self.source!r}"


def _expand(source: str) -> str:
    """Turn ``~word`` into a one-edit fuzzy group when the word is long enough."""

    def repl(m: regex.Match[str]) -> str:
        word = m.group(1)
        edits = fuzzy_edits(word)
        return f"(?:{word}){{e<={edits}}}" if edits else word

    return _FUZZY_WORD_RE.sub(repl, source)


def _compile(shape: str, source: str) -> regex.Pattern[str]:
    body = _expand(source)
    if shape == "line":
        return regex.compile(rf"(?:{body})", regex.V1)
    if shape == "prefix":
        return regex.compile(rf"(?:{body}){_PREFIX_SEP}\S", regex.V1)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.V1)


# (category, lang, shape, pattern). Patterns use the comparison form: lower case,
# single spaces, no edge punctuation. Alternations stay flat (no nested
# quantifiers), so no entry can backtrack badly.
_ENTRIES: tuple[tuple[str, str, str, str], ...] = (
    # ---- calls to action: the whole line
    ("cta", "en", "line", (
        r"(?:read|see|show|view|load) (?:more|all|full (?:~article|story)|the full (?:~article|story)|"
        r"next)"
    )),
    ("cta", "en", "line", r"read (?:this|the|our|full|next|previous)(?: full)? (?:~article|story|post|report)"),
    ("cta", "en", "line", (
        r"(?:~continue|keep) ~reading(?: (?:the|this) (?:~article|story|post)| below)?|"
        r"~continue to (?:~article|story)"
    )),
    ("cta", "en", "line", (
        r"click (?:here|to (?:read|see|view|~continue|~expand|enlarge|play|share|~subscribe|"
        r"tweet))(?: .{0,40})?"
    )),
    ("cta", "en", "line", r"(?:tap|press) here(?: .{0,40})?"),
    ("cta", "en", "line", (
        r"(?:~subscribe|sign up|register)(?: now| today| here| for free)?(?: (?:to|for) (?:our|the|"
        r"my) (?:free )?(?:~newsletter|daily|weekly|channel|podcast|updates|emails?)s?)?"
    )),
    ("cta", "en", "line", r"(?:get|join) (?:our|the) (?:free |daily |weekly )?(?:~newsletter|mailing list)"),
    ("cta", "en", "contains", r"(?:delivered|sent|straight|directly) to your (?:~inbox|email|mailbox)"),
    ("cta", "en", "line", r"(?:~newsletter|newsletters)(?: sign ?up)?"),
    ("cta", "en", "line", r"follow us(?: on .{1,40})?"),
    ("cta", "en", "line", (
        r"(?:share|tweet|email|print) (?:this|the) (?:~article|story|post|page|video)(?: on .{1,30})?"
    )),
    ("nav", "en", "line", r"(?:share|tweet|pin|email|print|comments?|reply|~permalink|save|like)(?: \d+)?"),
    ("cta", "en", "line", r"(?:leave|post|add|view|show|read) (?:a |the |all |\d+ )?comments?(?: \d+)?"),
    ("cta", "en", "line", r"(?:~download|get) (?:the|our) (?:free )?app(?: .{0,40})?"),
    ("cta", "en", "line", r"(?:watch|play) (?:the )?video(?: now)?"),
    ("nav", "en", "line", (
        r"(?:~advertise with us|contact us|about us|~privacy ~policy|terms (?:of (?:use|service)|"
        r"and ~conditions|& ~conditions)|cookie ~policy|site ?map|back to top|skip to (?:main )?content|"
        r"skip ~navigation|log ?in|sign ?in|log ?out|sign ?out|my account|search|menu|home)"
    )),
    ("pager", "en", "line", r"(?:~previous|next)(?: (?:~article|story|post|page|~chapter))?"),
    # ---- calls to action: a prefix before a teaser headline
    ("cta", "en", "prefix", (
        r"(?:also read|read also|also see|must read|recommended|read more|more from .{1,30}|"
        r"trending(?: now)?|don't miss|do not miss|you may also like|you might also like|more stories)"
    )),
    ("cta", "en", "prefix", (
        r"~sponsored(?: content| by)?|~advertisement|promoted(?: content| by)?|paid (?:post|content|"
        r"~partner)"
    )),
    # ---- ad and sponsor marks
    ("ad", "en", "line", (
        r"(?:~advertisement|~advertising|advert|ads?|~sponsored(?: content| post| links?)?|"
        r"promoted(?: content| stories)?|paid (?:content|post|~partner)|~partner content|"
        r"story continues below(?: ~advertisement)?|~article continues below(?: ~advertisement)?)"
    )),
    ("ad", "en", "line", r"(?:~sponsored|powered|presented|brought to you) by(?: .{1,40})?"),
    # ---- social, cookie and app banners
    ("social", "en", "line", (
        r"(?:share on |follow on |find us on )?(?:~facebook|twitter|linkedin|~instagram|youtube|pinterest|"
        r"whatsapp|telegram|tumblr|reddit|tiktok|~mastodon|bluesky|google\+|rss(?: feeds?)?|x)(?: \d+)?"
    )),
    ("cookie", "en", "contains", (
        r"(?:we|this (?:site|website)) uses? cookies|(?:accept|allow|manage) (?:all )?cookies|"
        r"cookie (?:~settings|~preferences|~consent)"
    )),
    ("app", "en", "contains", (
        r"(?:~download|get) (?:it|the app) on (?:the )?(?:app store|google play)|(?:available|"
        r"~download) on the app store"
    )),
    # ---- copyright footers
    ("copyright", "en", "contains", r"all rights ~reserved|some rights ~reserved"),
    ("copyright", "*", "prefix", r"(?:©|~copyright)(?: ©)?"),

    # ---- German
    ("cta", "de", "line", (
        r"(?:weiter ?lesen|~weiterlesen|mehr (?:lesen|~erfahren|dazu|zum thema)|~artikel lesen|"
        r"ganzen ~artikel lesen|zum ~artikel|mehr ~anzeigen|alle ~anzeigen)"
    )),
    ("cta", "de", "line", r"(?:jetzt )?(?:~abonnieren|~anmelden|~registrieren|~einloggen|~newsletter ~abonnieren)"),
    ("cta", "de", "line", r"(?:folgen sie uns|folge uns)(?: auf .{1,40})?"),
    ("cta", "de", "contains", r"(?:direkt|bequem|kostenlos) in (?:ihr|dein) (?:e-mail-)?~postfach"),
    ("nav", "de", "line", (
        r"(?:~artikel |seite )?(?:teilen|drucken|~versenden|~empfehlen|~kommentieren|"
        r"~kommentare(?: lesen)?(?: \(\d+.{0,20}\))?)(?: \d+)?"
    )),
    ("pager", "de", "line", r"(?:~vorige|~vorherige|nächste|zurück|weiter)(?: (?:seite|~artikel))?"),
    ("nav", "de", "line", (
        r"nach oben|zum inhalt springen|~impressum|~datenschutz(?:~erklärung|hinweis)?|kontakt|~mediadaten|"
        r"~startseite|suche"
    )),
    ("cta", "de", "prefix", (
        r"(?:lesen sie auch|auch ~interessant|das könnte sie auch ~interessieren|mehr zum thema|"
        r"~empfohlen|~gesponsert)"
    )),
    ("ad", "de", "line", r"(?:~anzeige|~werbung|~gesponsert|~sponsored)"),
    ("cookie", "de", "contains", (
        r"(?:diese (?:website|seite) ~verwendet|wir ~verwenden) cookies|cookies (?:~akzeptieren|~zulassen)"
    )),
    ("copyright", "de", "contains", r"alle rechte ~vorbehalten"),

    # ---- French
    ("cta", "fr", "line", (
        r"(?:lire|voir) (?:la suite|plus|l'~article|aussi|tout)|en savoir plus|(?:continuer|"
        r"poursuivre) la lecture"
    )),
    ("cta", "fr", "line", (
        r"(?:s'~abonner|abonnez-vous|je m'abonne|inscrivez-vous|s'~inscrire|se ~connecter|"
        r"~connexion)(?: (?:à|a) (?:la|notre) ~newsletter)?"
    )),
    ("cta", "fr", "line", r"(?:suivez-nous|suivez nous)(?: sur .{1,40})?"),
    ("cta", "fr", "contains", r"directement dans votre boîte (?:mail|e-mail|de ~réception)"),
    ("nav", "fr", "line", (
        r"(?:~partager|~imprimer|~commenter|~commentaires?|~réagir)(?: (?:cet|l'|sur) ?~article)?(?: \d+)?"
    )),
    ("pager", "fr", "line", r"(?:~précédent|suivant)"),
    ("nav", "fr", "line", (
        r"(?:haut de page|retour en haut|~accueil|~recherche|mentions ~légales|"
        r"~politique de ~confidentialité|plan du site|nous contacter)"
    )),
    ("cta", "fr", "prefix", (
        r"(?:(?:à )?lire (?:aussi|~également)|voir aussi|sur le même sujet|(?:à|a) ne pas manquer|"
        r"~sponsorisé)"
    )),
    ("ad", "fr", "line", r"(?:~publicité|pub|contenu ~sponsorisé|~sponsorisé)"),
    ("cookie", "fr", "contains", r"(?:ce site|nous) ~utilise(?:ons)? des cookies|accepter (?:les|tous les) cookies"),
    ("copyright", "fr", "contains", r"tous droits ~réservés"),

    # ---- Spanish
    ("cta", "es", "line", (
        r"(?:leer|ver) (?:más|mas|el ~artículo|la ~noticia|todo)|seguir leyendo|sigue leyendo|"
        r"~continuar leyendo"
    )),
    ("cta", "es", "line", (
        r"(?:~suscríbete|~suscribete|~suscribirse|~regístrate|~registrate|~iniciar ~sesión|"
        r"~newsletter)(?: (?:a|al) (?:nuestro|nuestra)? ?.{0,20})?"
    )),
    ("cta", "es", "line", r"(?:~síguenos|~siguenos)(?: en .{1,40})?"),
    ("cta", "es", "contains", r"(?:directamente|cada \w+) en tu (?:bandeja de entrada|correo)"),
    ("nav", "es", "line", r"(?:~compartir|~imprimir|~comentarios?|~comentar)(?: \d+)?"),
    ("pager", "es", "line", r"(?:~anterior|~siguiente)"),
    ("nav", "es", "line", (
        r"(?:volver arriba|inicio|~buscar|aviso legal|~política de ~privacidad|"
        r"~contacto)"
    )),
    ("cta", "es", "prefix", (
        r"(?:lee también|lea también|(?:te )?puede interesar(?:te)?|~también te puede interesar|"
        r"~relacionado|~patrocinado)"
    )),
    ("ad", "es", "line", r"(?:~publicidad|~anuncio|contenido ~patrocinado|~patrocinado)"),
    ("cookie", "es", "contains", (
        r"(?:este sitio|~utilizamos|usamos) (?:web )?(?:utiliza )?cookies|aceptar (?:las |"
        r"todas las )?cookies"
    )),
    ("copyright", "es", "contains", r"todos los derechos ~reservados"),

    # ---- Italian
    ("cta", "it", "line", r"(?:leggi|~continua a leggere|leggi (?:tutto|anche|di più|l'~articolo))|scopri di più"),
    ("cta", "it", "line", r"(?:~iscriviti|~abbonati|accedi|~registrati)(?: alla ~newsletter)?"),
    ("cta", "it", "line", r"~seguici(?: su .{1,40})?"),
    ("cta", "it", "contains", r"direttamente nella tua (?:casella (?:di posta|email|e-mail)|~inbox)"),
    ("nav", "it", "line", r"(?:~condividi|stampa|~commenti|~commenta)(?: \d+)?"),
    ("cta", "it", "prefix", r"(?:leggi anche|potrebbe interessarti|ti potrebbe interessare|~sponsorizzato)"),
    ("ad", "it", "line", r"(?:~pubblicità|contenuto ~sponsorizzato|~sponsorizzato)"),
    ("copyright", "it", "contains", r"tutti i diritti ~riservati"),

    # ---- Portuguese
    ("cta", "pt", "line", r"(?:leia|ler|ver|saiba) mais|~continue lendo|~continuar lendo|leia a ~matéria"),
    ("cta", "pt", "line", r"(?:~assine|~inscreva-se|~cadastre-se|entrar)(?: (?:na|a) (?:nossa )?~newsletter)?"),
    ("cta", "pt", "line", r"~siga-nos(?: (?:no|na|em) .{1,40})?"),
    ("cta", "pt", "contains", r"(?:direto|diretamente) (?:no seu e-mail|na sua caixa de entrada)"),
    ("nav", "pt", "line", r"(?:~compartilhar|~partilhar|~comentários?|~comentar|~imprimir)(?: \d+)?"),
    ("cta", "pt", "prefix", r"(?:leia também|veja também|leia mais|saiba mais|~patrocinado)"),
    ("ad", "pt", "line", r"(?:~publicidade|~anúncio|conteúdo ~patrocinado|~patrocinado)"),
    ("copyright", "pt", "contains", r"todos os direitos ~reservados"),

    # ---- Dutch
    ("cta", "nl", "line", r"lees (?:meer|verder|ook|het ~artikel)|meer lezen"),
    ("cta", "nl", "line", (
        r"(?:~abonneer|~aanmelden|~inloggen|schrijf je in)(?: (?:op|voor) (?:de|onze) ~nieuwsbrief)?|"
        r"~nieuwsbrief"
    )),
    ("cta", "nl", "line", r"volg ons(?: op .{1,40})?"),
    ("cta", "nl", "contains", r"(?:direct|rechtstreeks) in je (?:mailbox|inbox)"),
    ("nav", "nl", "line", r"(?:~delen|~printen|~reacties?|~reageer)(?: \d+)?"),
    ("cta", "nl", "prefix", r"(?:lees ook|bekijk ook|~gesponsord)"),
    ("ad", "nl", "line", r"(?:~advertentie|~gesponsord|~gesponsorde inhoud)"),
    ("copyright", "nl", "contains", r"alle rechten ~voorbehouden"),

    # ---- Czech and Polish: the commonest marks only
    ("cta", "cs", "line", r"(?:čtěte (?:více|také|dále)|~pokračovat ve čtení|sdílet|~komentáře(?: \d+)?)"),
    ("cta", "cs", "prefix", r"(?:čtěte také|~přečtěte si také|mohlo by vás zajímat)"),
    ("ad", "cs", "line", r"(?:~reklama|~inzerce|komerční sdělení)"),
    ("copyright", "cs", "contains", r"všechna práva ~vyhrazena"),
    ("cta", "pl", "line", r"(?:czytaj (?:więcej|dalej|też|także)|~udostępnij|~komentarze(?: \d+)?)"),
    ("cta", "pl", "prefix", r"(?:czytaj (?:też|także|również)|zobacz (?:też|także|również))"),
    ("ad", "pl", "line", r"(?:~reklama|~ogłoszenie|~artykuł sponsorowany)"),
    ("copyright", "pl", "contains", r"wszelkie prawa ~zastrzeżone"),

    # ---- Japanese and Chinese: the commonest marks (no case, no spaces: exact forms)
    ("cta", "ja", "line", (
        r"(?:関連記事|あわせて読みたい|続きを読む|もっと見る|記事を読む|詳しくはこちら|今すぐ登録|"
        r"メルマガ登録|フォローする)"
    )),
    ("cta", "ja", "prefix", r"(?:【関連記事】|関連記事|あわせて読みたい|こちらもおすすめ)"),
    ("nav", "ja", "line", (
        r"(?:ツイート|シェア(?:する)?|いいね|コメント(?:\d+件)?|ログイン|ログアウト|トップ|ホーム|検索|"
        r"メニュー)"
    )),
    ("pager", "ja", "line", r"(?:次へ|前へ)"),
    ("ad", "ja", "line", r"(?:広告|スポンサーリンク|\[pr\]|【pr】|pr)"),
    ("copyright", "ja", "contains", r"無断転載(?:を)?禁(?:じます|止)"),
    ("cta", "zh", "line", r"(?:阅读全文|閱讀全文|查看更多|点击查看|點擊查看|关注我们|關注我們|扫码关注|立即订阅)"),
    ("cta", "zh", "prefix", r"(?:相关文章|相關文章|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀)"),
    ("nav", "zh", "line", r"(?:分享(?:到)?|评论|評論|登录|登入|注册|註冊|首页|首頁|返回顶部|回到頂部)"),
    ("pager", "zh", "line", r"(?:上一篇|下一篇)"),
    ("ad", "zh", "line", r"(?:广告|廣告|赞助内容|贊助內容)"),
    ("copyright", "zh", "contains", r"版权所有|版權所有"),

    # ---- Headings of teaser boxes and membership banners (weak: they only mark a page
    # outside the content). Generic box titles in every covered language; never a
    # byline's "written by", which stands next to the content as the text's own.
    ("box", "en", "line", (
        r"(?:the )?most (?:popular|read|viewed|watched|shared|commented|emailed|recent)"
        r"(?: (?:now|today|this week|stories|articles|posts|news|videos))?"
    )),
    ("box", "en", "line", (
        r"(?:popular|trending|top|latest|related|recommended|featured) "
        r"(?:now|stories|articles|posts|news|videos|reads|content|links|topics)"
    )),
    ("box", "en", "line", (
        r"you may have missed|(?:editors|editors'|editor's) picks|(?:from )?around the web|more from .{1,30}|"
        r"more (?:stories|articles|news|videos) (?:from .{1,30}|like this)"
    )),
    ("box", "en", "line", (
        r"become a (?:member|subscriber|patron|supporter)|members? only|open in (?:the )?app|get the .{1,30} app"
    )),
    ("box", "de", "line", (
        r"(?:am )?(?:meistgelesen|meistgesehen|meistkommentiert|meistgeteilt|meistgeklickt)e?"
        r"(?: (?:artikel|beiträge|nachrichten|videos))?|(?:die )?(?:beliebtesten|neuesten|aktuellsten) "
        r"(?:artikel|beiträge|nachrichten|videos|themen)|(?:ähnliche|verwandte|empfohlene) "
        r"(?:artikel|beiträge|themen)|top-?(?:themen|artikel|meldungen)|mitglied werden"
    )),
    ("box", "fr", "line", (
        r"(?:les )?(?:articles |contenus |vidéos )?(?:les )?plus (?:lus|populaires|partagés|commentés|consultés|vus)|"
        r"(?:articles|contenus|vidéos) (?:similaires|liés|recommandés|populaires)|(?:les )?derniers articles|"
        r"dernières (?:actualités|nouvelles|vidéos)|devenir membre"
    )),
    ("box", "es", "line", (
        r"(?:lo|los|las) más (?:leíd(?:o|a|os|as)|vist(?:o|a|os|as)|(?:popular|populares)|compartid(?:o|a|os|as)|comentad(?:o|a|os|as))|"
        r"(?:noticias|artículos|vídeos|videos) (?:relacionad(?:os|as)|recomendad(?:os|as)|destacad(?:os|as)|populares)|"
        r"últimas noticias|más populares|hazte (?:socio|miembro)"
    )),
    ("box", "it", "line", (
        r"(?:i |gli |le )?più (?:letti|lette|popolari|visti|viste|condivisi|commentati)|"
        r"(?:articoli|notizie) (?:correlati|correlate|consigliati|popolari)|ultime notizie"
    )),
    ("box", "pt", "line", (
        r"(?:as |os )?mais (?:lid(?:os|as)|populares|vist(?:os|as)|compartilhad(?:os|as)|comentad(?:os|as))|"
        r"(?:notícias|artigos|matérias) (?:relacionad(?:os|as)|recomendad(?:os|as))|últimas notícias"
    )),
    ("box", "nl", "line", (
        r"meest (?:gelezen|bekeken|gedeeld|populair|recent)|populairste (?:artikelen|berichten)|"
        r"gerelateerde (?:artikelen|berichten)|laatste nieuws|lid worden"
    )),
    ("box", "ja", "line", (
        r"(?:アクセスランキング.{0,12}|ランキング|人気(?:記事|の記事|ランキング)|注目(?:の)?(?:記事|ニュース)|"
        r"おすすめ(?:記事)?|最新(?:記事|ニュース)|新着(?:記事)?)"
    )),
    ("box", "zh", "line", r"(?:热门(?:文章|新闻|推荐)|熱門(?:文章|新聞|推薦)|最新(?:文章|新闻|新聞)|猜你喜欢|猜你喜歡|排行榜)"),
    ("box", "ko", "line", r"(?:많이 본 (?:기사|뉴스)|인기 (?:기사|뉴스)|관련 기사|최신 기사|추천 기사)"),
    ("box", "ru", "line", r"(?:самое (?:популярное|читаемое)|популярное|похожие (?:статьи|новости)|последние новости)"),
)


def _build() -> tuple[LibraryPattern, ...]:
    return tuple(
        LibraryPattern(category, lang, shape, source, _compile(shape, source))
        for category, lang, shape, source in _ENTRIES
    )


LIBRARY: tuple[LibraryPattern, ...] = _build()
"""Every library entry, compiled once at import."""


def line_key(text: str) -> str:
    """The comparison form patterns are written for: NFKC, case-folded, single spaces,
    decoration (bullets, arrows, quotes, brackets, trailing colons) stripped from both ends."""
    key = unicodedata.normalize("NFKC", text).casefold()
    # The one printable white space character is the space (a test checks it over all
    # of Unicode): a printable key without two spaces in a row has nothing to collapse.
    if not key.isprintable() or "  " in key:
        key = _SPACE_RE.sub(" ", key)
    key = key.strip()
    if key and (_EDGE_FIRST_RE.match(key) or _EDGE_LAST_RE.match(key, len(key) - 1)):
        key = _EDGE_RE.sub("", key)
    return key
