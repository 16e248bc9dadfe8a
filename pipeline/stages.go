package pipeline

import (
	"github.com/accord-news/accord"
	"github.com/accord-news/accord/brief"
	"github.com/accord-news/accord/claims"
	"github.com/accord-news/accord/clean"
	"github.com/accord-news/accord/copies"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/quotes"
	"github.com/accord-news/accord/stories"
	"github.com/accord-news/accord/text"
	"github.com/accord-news/accord/timex"
)

// Default returns Accord's full pipeline. Each stage package adds its
// constructor here, in the order shown: a stage may read only the layers of
// the stages before it.
func Default() *Pipeline {
	return &Pipeline{
		Cleaner: clean.New(),
		Doc: []accord.DocStage{
			text.New(),
			// The annotators read English: documents in other languages
			// get no names, times, numbers or quotes (text.English).
			englishOnly{entities.New()},
			englishOnly{timex.New()},
			englishOnly{quantity.New()}, // keep after timex (skips numbers inside dates)
			englishOnly{quotes.New()},   // keep after entities, timex, quantity
			// entities (NER, roles, coreference), timex, quantity, quotes
		},
		Corpus: []accord.CorpusStage{
			copies.New(),         // keep first: links and independent groups
			entities.NewCorpus(), // keep after copies
			stories.New(),        // keep after copies and entities
			timex.NewCorpus(),    // keep after copies, entities, stories
			stories.NewDates(),   // keep after timex: first/last dates with inferred ones
			quotes.NewCorpus(),   // keep after entities, before claims
			claims.New(),         // keep after quotes, before brief
			brief.New(),          // keep last
			// copies, entities (canonical), stories, timex (dates, timeline),
			// quotes (statements), claims (corroboration, conflicts), brief
		},
	}
}
