package entities

import "strings"

// Fine types beyond CoNLL's four classes, by general rules:
//   - LOC: GPE unless the head is a geographic feature (river, sea, ...) or
//     the name is a continent or a world region; then LOC.
//   - MISC: EVENT or LAW by the head noun; NORP for demonym-like single
//     words ("Russian", "Americans", "Bosnian-Serb") and sequences of them;
//     OTHER for the rest.

var geoHeads = set("river", "sea", "ocean", "lake", "mountain", "mountains", "mount", "mt", "mt.",
	"island", "islands", "isles", "valley", "gulf", "bay", "strait", "straits", "peninsula", "desert",
	"coast", "canal", "channel", "forest", "park", "plain", "plains", "basin", "hills", "hill", "range",
	"reef", "glacier", "falls", "cape", "street", "avenue", "road", "square", "bridge", "airport",
	"region", "delta", "highlands", "lowlands", "pass", "heights", "steppe", "archipelago", "beach",
	"harbour", "harbor", "port", "station", "stadium", "border", "corridor", "zone", "belt", "sound")

var regions = set("europe", "asia", "africa", "antarctica", "australasia", "oceania", "eurasia",
	"north america", "south america", "latin america", "central america", "middle east", "the middle east",
	"near east", "far east", "balkans", "the balkans", "caribbean", "the caribbean", "mediterranean",
	"scandinavia", "arctic", "the arctic", "sahara", "siberia", "caucasus", "the caucasus",
	"west bank", "gaza strip", "southeast asia", "south asia", "east asia", "central asia",
	"western europe", "eastern europe", "central europe", "northern europe", "southern europe",
	"west africa", "east africa", "north africa", "southern africa", "sub-saharan africa", "pacific", "atlantic")

var eventHeads = set("cup", "championship", "championships", "games", "olympics", "olympiad", "war",
	"open", "tournament", "summit", "conference", "election", "elections", "festival", "prix",
	"rally", "series", "marathon", "trophy", "classic", "masters", "derby", "revolution", "crisis",
	"uprising", "massacre", "congress", "forum", "expo", "fair", "week", "day", "talks", "meeting",
	"battle", "offensive", "operation", "world cup", "grand slam", "invasion", "attack", "attacks",
	"genocide", "holocaust", "referendum", "ceremony", "awards", "contest", "league", "tour")

var lawHeads = set("act", "treaty", "law", "laws", "convention", "constitution", "accord", "accords",
	"agreement", "protocol", "charter", "bill", "amendment", "code", "directive", "resolution",
	"declaration", "pact", "statute", "ordinance", "regulation", "regulations", "doctrine", "memorandum")

var demonymSuffixes = []string{"an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "ics", "ch", "sh",
	"ot", "ots", "er", "ers", "ite", "ites", "ist", "ists", "ard", "ards", "ek", "eks", "ss", "ai"}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// fineType maps a CoNLL class (1 PER, 2 ORG, 3 LOC, 4 MISC) and the
// lower-cased words of a name to Accord's type.
func fineType(cls int, lows []string) string {
	if len(lows) == 0 {
		return "OTHER"
	}
	head := lows[len(lows)-1]
	switch cls {
	case 1:
		// "American", "North American": a demonym, not a person (a
		// surname such as "German" next to its full name is a person
		// again in coreference).
		if demonymName(lows) {
			return "NORP"
		}
		return "PERSON"
	case 2:
		return "ORG"
	case 3:
		// A seat named for the institution it houses ("Government House",
		// "Elysee Palace"): ORG (the contract has no FAC type).
		if (len(lows) > 1 && seatHeads[head]) || (len(lows) == 1 && isStructure(lows[0])) {
			return "ORG"
		}
		if regions[strings.Join(lows, " ")] || (len(lows) > 1 && geoHeads[head]) || isDirectional(lows) {
			return "LOC"
		}
		if len(lows) > 1 {
			// A place's name followed by an event noun is the event ("X
			// Marathon", "X Games"); a country's name followed by other
			// words is an organisation named after it ("X Airlines"),
			// unless the whole is a state's or a city's name.
			if eventHeads[head] && !geoHeads[head] {
				return "EVENT"
			}
			if w := placeWord(lows[0]); len(w) >= 2 && countryWordSense(w, lows[0]) != 0 && !stateHeads[head] && head != "city" && head != "state" &&
				countryNameSense(strings.Join(lows, " ")) == 0 && !connectors[lows[1]] {
				return "ORG"
			}
		}
		return "GPE"
	}
	if lawHeads[head] {
		return "LAW"
	}
	if eventHeads[head] || hasYear(lows) {
		return "EVENT"
	}
	all := true
	for _, w := range lows {
		if !demonymLike(w) {
			all = false
			break
		}
	}
	if all && len(lows) <= 3 {
		return "NORP"
	}
	return "OTHER"
}

// isDirectional: "Northern Europe"-like names made of a compass adjective and
// a region.
func isDirectional(lows []string) bool {
	if len(lows) < 2 {
		return false
	}
	switch lows[0] {
	case "northern", "southern", "eastern", "western", "central":
		return regions[strings.Join(lows[1:], " ")]
	}
	return false
}

func hasYear(lows []string) bool {
	for _, w := range lows {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && allDigits(w) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func demonymLike(w string) bool {
	for _, part := range strings.Split(w, "-") {
		ok := false
		for _, suf := range demonymSuffixes {
			if len(part) > len(suf)+2 && strings.HasSuffix(part, suf) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
