package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord/lexicon"
)

// General English word classes used to read facts out of news sentences.
// None of them is tied to a data set: they are the closed classes (weekdays,
// months, locative prepositions, speech verbs) and the common vocabulary of
// titles and offices.

var weekdays = map[string]string{
	"monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday",
	"friday": "friday", "saturday": "saturday", "sunday": "sunday",
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// locative prepositions that introduce a place.
var locPreps = map[string]bool{
	"in": true, "at": true, "from": true, "near": true, "off": true, "across": true,
	"outside": true, "inside": true, "throughout": true, "to": true, "into": true,
}

// speech verbs that attribute a statement.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "states": true,
	"explained": true, "explains": true, "added": true, "adds": true, "announced": true, "announces": true,
	"wrote": true, "writes": true, "testified": true, "confirmed": true, "confirms": true, "insisted": true,
	"noted": true, "claimed": true, "claims": true, "declared": true, "warned": true, "stressed": true,
	"argued": true, "acknowledged": true, "admitted": true, "recalled": true, "tweeted": true, "remarked": true,
	"commented": true, "replied": true, "responded": true, "asserted": true, "observed": true, "continued": true,
}

// Title vocabulary. Heads name an office or occupation; rank modifiers make
// a different office of the same head ("deputy director" is not "director");
// portfolio words make different offices of one head ("foreign minister",
// "prime minister"); neutral words change nothing ("former").
var titleHeads = map[string]bool{}
var rankMods = map[string]bool{}
var portfolios = map[string]bool{}
var neutralTitle = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president minister secretary undersecretary director producer agent lawyer attorney
coach manager detective commissioner officer sergeant lieutenant captain chief spokesman spokeswoman spokesperson
inspector constable sheriff undersheriff judge justice prosecutor senator representative congressman congresswoman
governor mayor councilman councilwoman councillor councilor ambassador chairman chairwoman chancellor ceo editor
reporter correspondent actor actress singer pastor reverend bishop pope king queen prince princess doctor professor
superintendent marshal trooper deputy commander colonel major general admiral corporal private publicist writer
star quarterback receiver striker goalkeeper pitcher boxer champion challenger founder owner treasurer clerk
investigator analyst economist scientist researcher author filmmaker designer chef physician surgeon nurse host
anchor columnist premier leader envoy diplomat negotiator adviser advisor aide executive rapper guitarist drummer
comedian presenter broadcaster photographer coordinator administrator commander-in-chief firefighter principal
dean provost rector rabbi imam cardinal archbishop priest father sister brother emir sheikh sultan ayatollah
spokesmen officials official head boss secretary-general attorney-general chair clergy vicar chaplain`) {
		titleHeads[w] = true
	}
	for _, w := range strings.Fields(`deputy vice assistant associate lieutenant`) {
		rankMods[w] = true
	}
	for _, w := range strings.Fields(`foreign interior defense defence finance health home prime state education energy
trade economy economic environment transport agriculture labor labour culture justice treasury`) {
		portfolios[w] = true
	}
	for _, w := range strings.Fields(`former ex late then new outgoing incoming current senior longtime long-time
top acting interim`) {
		neutralTitle[w] = true
	}
	for _, m := range []map[string]bool{titleHeads, rankMods, portfolios} {
		for w := range m {
			titleVocabSet[w] = true
		}
	}
	for w := range titleSynonym {
		titleVocabSet[w] = true
	}
}

// titleAbbrev expands title abbreviations ("Sec." -> "secretary").
var titleAbbrev = map[string]string{
	"sec": "secretary", "rep": "representative", "sen": "senator", "gov": "governor", "sgt": "sergeant",
	"lt": "lieutenant", "gen": "general", "capt": "captain", "cpt": "captain", "col": "colonel",
	"det": "detective", "insp": "inspector", "supt": "superintendent", "rev": "reverend", "dr": "doctor",
	"prof": "professor", "atty": "attorney", "pres": "president", "cmdr": "commander", "adm": "admiral",
	"maj": "major", "cpl": "corporal", "pvt": "private", "amb": "ambassador", "treas": "treasurer",
	"supt.": "superintendent", "asst": "assistant", "dep": "deputy", "vp": "vice president",
}

// titleSynonym folds variants of one office onto one word.
var titleSynonym = map[string]string{
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesmen": "spokesperson",
	"attorney": "lawyer", "congressman": "representative", "congresswoman": "representative",
	"councilman": "councillor", "councilwoman": "councillor", "councilor": "councillor",
	"chairman": "chair", "chairwoman": "chair", "physician": "doctor", "advisor": "adviser",
	"officials": "official", "defence": "defense", "labour": "labor",
	"reverend": "clergy", "pastor": "clergy", "priest": "clergy", "vicar": "clergy", "chaplain": "clergy",
	"rabbi": "clergy", "imam": "clergy", "father": "clergy",
}

// normTitleWord lower-cases, strips a trailing period and expands
// abbreviations; it returns "" for a word that is no title word.
func normTitleWord(w string) []string {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
	if x, ok := titleAbbrev[lw]; ok {
		var out []string
		for _, w := range strings.Fields(x) {
			if syn, ok := titleSynonym[w]; ok {
				w = syn
			}
			out = append(out, w)
		}
		return out
	}
	if strings.Contains(lw, "-") && !titleHeads[lw] {
		// writer-director, vice-president
		var out []string
		for _, p := range strings.Split(lw, "-") {
			out = append(out, normTitleWord(p)...)
		}
		return out
	}
	if titleHeads[lw] || rankMods[lw] || portfolios[lw] || neutralTitle[lw] {
		if s, ok := titleSynonym[lw]; ok {
			lw = s
		}
		return []string{lw}
	}
	return nil
}

// isTitleWord reports whether w (as written) belongs to a title.
func isTitleWord(w string) bool { return len(normTitleWord(w)) > 0 }

// title is a normalized title: its head words, rank modifiers and portfolios.
type title struct {
	heads, ranks, ports []string
	words               []string // all non-neutral words, in order
}

func makeTitle(words []string) title {
	var t title
	for _, w := range words {
		switch {
		case neutralTitle[w]:
		case rankMods[w]:
			t.ranks = append(t.ranks, w)
			t.words = append(t.words, w)
		case portfolios[w]:
			t.ports = append(t.ports, w)
			t.words = append(t.words, w)
		default:
			t.heads = append(t.heads, w)
			t.words = append(t.words, w)
		}
	}
	if len(t.heads) == 0 && len(t.ranks) > 0 {
		// "Deputy Jerry Ortiz": the modifier is the office.
		t.heads, t.ranks = t.ranks, nil
	}
	return t
}

func (t title) String() string { return strings.Join(t.words, " ") }

func (t title) empty() bool { return len(t.heads) == 0 }

func setEq(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || sharesSense(x, y) {
				return true
			}
		}
	}
	return false
}

// sharesSense: two words with a common WordNet sense ("lawyer", "attorney").
func sharesSense(a, b string) bool {
	if a == b {
		return true
	}
	sa := lexicon.Senses(nil, a, 0)
	sb := lexicon.Senses(nil, b, 0)
	for _, x := range sa {
		for _, y := range sb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// titlesCompatible decides whether two titles can name one office held by
// one person: same head (or synonyms), same rank, and no differing portfolio.
func titlesCompatible(a, b title) bool {
	if a.empty() || b.empty() {
		return true
	}
	if concurrentOnly(a) || concurrentOnly(b) || rankOnly(a) && !hasRankHead(b) || rankOnly(b) && !hasRankHead(a) {
		return true
	}
	if genericHeads(a) || genericHeads(b) {
		return true
	}
	if !intersects(a.heads, b.heads) {
		return false
	}
	if !setEq(a.ranks, b.ranks) {
		return false
	}
	if len(a.ports) > 0 && len(b.ports) > 0 && !intersects(a.ports, b.ports) {
		return false
	}
	return true
}

// otherRank: the titles name one office (one head, no differing
// portfolio) at different ranks ("vice president" and "president"), which
// one person does not hold at once.
func otherRank(a, b title) bool {
	if a.empty() || b.empty() || setEq(a.ranks, b.ranks) || !intersects(a.heads, b.heads) {
		return false
	}
	return len(a.ports) == 0 || len(b.ports) == 0 || intersects(a.ports, b.ports)
}

// Titles held together with any office: who founded or owns something, or
// speaks for it, may also preside over it, run it or hold a shadow
// portfolio in it ("founder" and "president", "spokesman" and "shadow
// chancellor"). They contradict no other title.
var concurrentHeads = map[string]bool{"founder": true, "owner": true, "spokesperson": true}

// Ranks of armed forces (and the captain of a team or ship): a rank is worn
// together with a post ("Lt. Col." and "aide", "captain" and "coach"), so it
// contradicts only another rank.
var militaryRanks = map[string]bool{"general": true, "colonel": true, "major": true, "captain": true,
	"lieutenant": true, "sergeant": true, "corporal": true, "private": true, "admiral": true, "marshal": true}

// concurrentOnly: every head of the title is held together with others.
func concurrentOnly(t title) bool {
	if len(t.ranks) > 0 || len(t.ports) > 0 || len(t.heads) == 0 {
		return false
	}
	for _, h := range t.heads {
		if !concurrentHeads[h] {
			return false
		}
	}
	return true
}

// rankOnly: the title is a rank and nothing else ("Lt. Col.", "Capt.").
func rankOnly(t title) bool {
	if len(t.ports) > 0 || len(t.heads) == 0 {
		return false
	}
	for _, r := range t.ranks {
		if r != "lieutenant" && r != "vice" {
			return false
		}
	}
	for _, h := range t.heads {
		if !militaryRanks[h] {
			return false
		}
	}
	return true
}

func hasRankHead(t title) bool {
	for _, h := range t.heads {
		if militaryRanks[h] {
			return true
		}
	}
	return false
}

// genericHeads: the title names no particular office, only that its holder
// heads something ("Villa boss", "Labour leader") or stands out in it ("pop
// star"): it fits the holder's other titles (manager, coach, prime
// minister, singer). The words before the generic head say what is led
// ("Labour", "party"), not which office.
func genericHeads(t title) bool {
	if len(t.ranks) > 0 || len(t.heads) == 0 {
		return false
	}
	switch t.heads[len(t.heads)-1] {
	case "boss", "head", "leader", "star":
		return true
	}
	return false
}

// Words that start capitalized runs but are not given names.
var notFirstName = map[string]bool{}

// Words that end capitalized runs but are not surnames (place and
// organization heads).
var notSurname = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`north south east west northern southern eastern western new san santa los las
saint st st. fort mount mt lake port upper lower central great greater united grand little old
the a an this that these those his her their its our my your in on at for from by with of and but or
if when while after before as during since until because about over under into through although
though however meanwhile despite following including unlike instead thus hence besides indeed perhaps maybe
even still yet yesterday today tonight tomorrow last next earlier later then now also so`) {
		notFirstName[w] = true
	}
	for _, w := range strings.Fields(`street st avenue ave road rd boulevard county city state province district
center centre university college school hospital church temple airport station park square bridge river
lake mountain island islands valley bay beach coast sea ocean gulf strait department ministry agency office
council court house senate congress parliament assembly committee commission party army navy force forces
police corp inc ltd co company group bank times post news press journal magazine daily herald tribune
network channel radio tv television association federation union league club team award awards prize
academy institute foundation museum theatre theater hotel stadium arena plant factory prison jail unit
region republic kingdom empire states nations`) {
		notSurname[w] = true
	}
}

func isUpperWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isWordTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// stripPoss removes a possessive ending.
func stripPoss(s string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			if suf[0] == 's' {
				return s[:len(s)-len(suf)+1], true
			}
			return s[:len(s)-len(suf)], true
		}
	}
	return s, false
}

// compatibleFirst: two given names that can be one person's: equal, an
// initial, a prefix ("Ty", "Tywon"), a common English hypocorism ("Bill",
// "William"), or a spelling variant (edit distance 1, or 2 for long names).
func compatibleFirst(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == "" || b == "" {
		return true
	}
	if a == b || len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	if nickOf[a] != "" && (nickOf[a] == b || nickOf[a] == nickOf[b]) || nickOf[b] == a {
		return true
	}
	for _, x := range nickAll[a] {
		for _, y := range nickAll[b] {
			if x == y {
				return true
			}
		}
	}
	if shortForm(a, b) || shortForm(b, a) {
		return true
	}
	d := editDistance(a, b)
	if d <= 1 && len(a) >= 4 && len(b) >= 4 {
		return true
	}
	return d <= 2 && len(a) >= 7 && len(b) >= 7
}

// shortForm: s is a contracted form of long ("Kostas", "Konstantinos";
// "Bernd", "Bernhard"): it keeps long's first two and last letter and
// the rest of its letters in order, and has at least four.
func shortForm(s, long string) bool {
	if len(s) < 4 || len(s) >= len(long) || s[:2] != long[:2] || s[len(s)-1] != long[len(long)-1] {
		return false
	}
	i := 0
	for j := 0; j < len(long) && i < len(s); j++ {
		if long[j] == s[i] {
			i++
		}
	}
	return i == len(s)
}

// Common English given names and their usual short forms.
var nickOf = map[string]string{}
var nickAll = map[string][]string{}

func init() {
	for _, line := range strings.Split(`william: bill will billy liam willy
robert: bob rob bobby bert robbie
richard: dick rick rich ricky
james: jim jimmy jamie
john: jack johnny jon
thomas: tom tommy
michael: mike mickey mick
edward: ed eddie ted ned
charles: charlie chuck chas
joseph: joe joey
anthony: tony
margaret: maggie peggy meg
elizabeth: liz beth betty eliza libby lizzie
katherine: kate katie kathy cathy kat
catherine: kate katie kathy cathy cat
maurice: mo
patricia: pat patty trish
daniel: dan danny
david: dave davey
steven: steve
stephen: steve
christopher: chris
nicholas: nick nicky
alexander: alex sasha sandy
benjamin: ben benny
samuel: sam sammy
jennifer: jen jenny
rebecca: becky
susan: sue susie
deborah: deb debbie
andrew: andy drew
matthew: matt
gregory: greg
lawrence: larry
ronald: ron ronnie
donald: don donnie
gerald: gerry jerry
harold: harry hal
henry: harry hank
frederick: fred freddie
albert: al bert
alfred: al alf
douglas: doug
kenneth: ken kenny
raymond: ray
timothy: tim
walter: walt
theodore: ted teddy theo
victoria: vicky tori
zachary: zach zack
jacob: jake
joshua: josh
nathaniel: nate nat
peter: pete
philip: phil
leonard: leo len lenny
sandra: sandy
jeffrey: jeff
abraham: abe
isaac: ike
dwight: ike
francis: frank
franklin: frank
frances: fran
joshua: josh
cynthia: cindy
barbara: barb
pamela: pam
vincent: vince
eugene: gene
mitchell: mitch
terrence: terry
terence: terry
gerard: gerry
salvatore: sal
louis: lou
jonathan: jon
bernard: bernie
stanley: stan
arnold: arnie
russell: russ`, "\n") {
		i := strings.IndexByte(line, ':')
		if i < 0 {
			continue
		}
		full := line[:i]
		for _, n := range strings.Fields(line[i+1:]) {
			nickOf[n] = full
			nickAll[n] = append(nickAll[n], full)
		}
		nickAll[full] = append(nickAll[full], full)
	}
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
