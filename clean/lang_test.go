package clean

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// langSamples are short texts in several languages and scripts (written for
// this test), plus edge cases: digits only, punctuation, mixed scripts.
var langSamples = []string{
	"The committee said on Tuesday that it would publish the figures next week, after the vote.",
	"Le gouvernement a annoncé mardi une nouvelle loi sur les retraites, qui sera votée en juin.",
	"Die Regierung hat am Dienstag ein neues Gesetz angekündigt, das im Juni beschlossen werden soll.",
	"El gobierno anunció el martes una nueva ley que se votará en junio, según fuentes oficiales.",
	"Il governo ha annunciato martedì una nuova legge che sarà votata a giugno dal parlamento.",
	"O governo anunciou na terça-feira uma nova lei que será votada em junho pelo congresso.",
	"De regering heeft dinsdag een nieuwe wet aangekondigd die in juni wordt gestemd.",
	"Правительство во вторник объявило о новом законе, который будет принят в июне.",
	"Уряд у вівторок оголосив про новий закон, який буде ухвалено в червні.",
	"أعلنت الحكومة يوم الثلاثاء عن قانون جديد سيتم التصويت عليه في يونيو.",
	"सरकार ने मंगलवार को एक नए कानून की घोषणा की, जिस पर जून में मतदान होगा।",
	"הממשלה הודיעה ביום שלישי על חוק חדש שיאושר ביוני.",
	"政府星期二宣布了一项新法律，将于六月表决。",
	"Ελληνική κυβέρνηση ανακοίνωσε νέο νόμο την Τρίτη.",
	"Shr loss six cts vs profit two cts Net loss 463,473 vs profit 126,835 Revs 3,506,066",
	"1234 5678 -- 99.5% / 12,000 (+3)",
	"!!! ??? ... ;;; --- ***",
	"Mixed Latin text with Кириллица and العربية and 中文 inside it, mostly English words though.",
	"   leading   and    trailing   spaces   ",
	"x",
	"Ça coûte cher — très cher. Öl, Äpfel und Übermut: “quotes” ‘and’ «guillemets».",
	"invalid \xff\xfe bytes in the middle \xc3 of a text",
	"Thé Ünïcödé ﬁ ligature and ǅ titlecase İstanbul",
}

// randomText builds a text from the profiles' own trigrams (so that scores
// are high and close between related languages) and random runes.
func randomText(rng *rand.Rand) string {
	var b strings.Builder
	lists := []string{"latinLangs", "latinLangs", "latinLangs", "cyrillicLangs", "arabicLangs", "devanagariLangs", "hebrewLangs", "ethiopicLangs"}
	profiles := whatlangProfiles[lists[rng.Intn(len(lists))]]
	n := 1 + rng.Intn(120)
	for i := 0; i < n; i++ {
		switch rng.Intn(10) {
		case 0:
			b.WriteByte(" .,;!?0123456789\n\t-'\""[rng.Intn(21)])
		case 1:
			b.WriteRune(rune(rng.Intn(0x3000)))
		default:
			p := profiles[rng.Intn(len(profiles))]
			t := p.trigrams[rng.Intn(min(len(p.trigrams), 1+rng.Intn(300)))]
			if rng.Intn(3) == 0 {
				t = strings.ToUpper(t)
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// mixedScripts draws a few runes from a few scripts, so that counts tie and
// whatlanggo's move-to-front order decides.
func mixedScripts(rng *rand.Rand) string {
	var b strings.Builder
	pool := []rune("abcXYZ ,.1ĀßЖжالسلامकखאבሀሁ中文日本ひらがなカタカナ한국Αβქაಕதกગਕతമଓမසក")
	n := rng.Intn(12)
	for i := 0; i < n; i++ {
		b.WriteRune(pool[rng.Intn(len(pool))])
	}
	return b.String()
}

func sameScript(id int, want *unicode.RangeTable) bool {
	if id < 0 || want == nil {
		return id < 0 && want == nil
	}
	if id == scriptHiraganaKatakana {
		for i, t := range scriptTables {
			if i != id && t == want {
				return false
			}
		}
		return true
	}
	return scriptTables[id] == want
}

// TestDetectWhatlangSame checks the trigram index against whatlanggo itself:
// same language and confidence, except where two languages tie (whatlanggo's
// pick then depends on Go's map order).
func TestDetectWhatlangSame(t *testing.T) {
	texts := append([]string{}, langSamples...)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		texts = append(texts, randomText(rng))
	}
	for i := 0; i < 2000; i++ {
		texts = append(texts, mixedScripts(rng))
	}
	_ = filepath.WalkDir("testdata", func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if b, err := os.ReadFile(path); err == nil && len(b) < 1<<20 {
				texts = append(texts, string(b))
				if len(b) > maxLangBytes {
					texts = append(texts, string(b[:maxLangBytes]))
				}
			}
		}
		return nil
	})
	ties, scored := 0, 0
	for _, s := range texts {
		want := whatlanggo.Detect(s)
		var (
			lang whatlanggo.Lang
			conf float64
			tied bool
		)
		sc := detectScript(s)
		if !sameScript(sc, whatlanggo.DetectScript(s)) {
			t.Errorf("%.60q: script %d, whatlanggo %v", s, sc, whatlanggo.DetectScript(s))
		}
		var idx *trigramIndex
		if sc >= 0 {
			idx = profileIndex(scriptTables[sc])
		}
		if idx != nil {
			lang, conf, tied = idx.detect(s)
			scored++
		} else {
			lang, conf = detectWhatlang(s)
		}
		if tied {
			ties++
			if conf != want.Confidence {
				t.Errorf("%.60q: tied, confidence %v, whatlanggo %v", s, conf, want.Confidence)
			}
			continue
		}
		if lang != want.Lang || conf != want.Confidence {
			t.Errorf("%.60q: got %v %v, whatlanggo %v %v", s, lang, conf, want.Lang, want.Confidence)
		}
	}
	t.Logf("%d texts, %d scored by the index, %d ties", len(texts), scored, ties)
	if scored < len(texts)/2 || ties > len(texts)/10 {
		t.Errorf("%d texts, %d scored by the index, %d ties", len(texts), scored, ties)
	}
}

// TestLangProfilesCurrent fails when the generated profiles do not cover
// every script whatlanggo scores by profile (regenerate: go generate ./clean).
func TestLangProfilesCurrent(t *testing.T) {
	for _, script := range []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, unicode.Hebrew, unicode.Ethiopic} {
		if profileIndex(script) == nil {
			t.Errorf("no profiles for a script whatlanggo scores by trigrams")
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	text := strings.Repeat(langSamples[0]+" ", 20)
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			DetectLanguage(text, "")
		}
	})
	b.Run("whatlanggo", func(b *testing.B) {
		for b.Loop() {
			whatlanggo.Detect(text)
		}
	})
}

func BenchmarkDetectScript(b *testing.B) {
	text := strings.Repeat(langSamples[0]+" ", 20)
	b.Run("ours", func(b *testing.B) {
		for b.Loop() {
			detectScript(text)
		}
	})
	b.Run("whatlanggo", func(b *testing.B) {
		for b.Loop() {
			whatlanggo.DetectScript(text)
		}
	})
}

// FuzzDetectLanguage: any bytes (invalid UTF-8, mixed scripts, control
// characters) give a language without panicking, the script agrees with
// whatlanggo's, and an untied index score equals whatlanggo's detection.
func FuzzDetectLanguage(f *testing.F) {
	for _, s := range langSamples {
		f.Add(s)
	}
	f.Add("")
	f.Add("\xff\xfe\x00 the the the")
	f.Add("Привет, мир! Hello world שלום")
	f.Fuzz(func(t *testing.T, s string) {
		_ = DetectLanguage(s, "")
		sc := detectScript(s)
		if !sameScript(sc, whatlanggo.DetectScript(s)) {
			t.Fatalf("%.60q: script %d, whatlanggo %v", s, sc, whatlanggo.DetectScript(s))
		}
		if sc < 0 {
			return
		}
		idx := profileIndex(scriptTables[sc])
		if idx == nil {
			return
		}
		lang, conf, tied := idx.detect(s)
		if want := whatlanggo.Detect(s); !tied && (lang != want.Lang || conf != want.Confidence) {
			t.Fatalf("%.60q: got %v %v, whatlanggo %v %v", s, lang, conf, want.Lang, want.Confidence)
		}
	})
}
