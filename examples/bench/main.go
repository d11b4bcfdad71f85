// Command bench measures etikett side by side with jdkato/prose v2 and a
// floor, in one run and on the same text: the seed article and the articles
// of testdata/articles, repeated to the size asked for, tagged one document
// at a time as a newsroom calls the tagger.
//
//	go run ./examples/bench [-mb 4] [-repeat 5] [-prose-kb 100] [-scale 1000000]
//
// It prints the time and heap of tagger.New with the default lexicon, a
// table of MB/s for each engine with etikett's ratio to it, and etikett's
// throughput with 1, 2, … GOMAXPROCS goroutines. With -scale N it also
// compiles a synthetic lexicon of N entries and tags the same text with it.
//
// prose's named-entity recognizer runs at a few KB/s, so it gets only the
// first -prose-kb of the text. Each figure is the fastest of -repeat runs;
// run the program on a quiet machine.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/etikett-nlp/etikett/internal/cmdline"
	"github.com/etikett-nlp/etikett/internal/labeled"
	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// sampleRow names the row of etikett on prose's NER sample.
const sampleRow = "etikett Tag on prose's NER sample"

type options struct {
	mb      float64
	repeat  int
	proseKB int
	scale   int
	dir     string
	labeled string // a label;text CSV file of texts, instead of dir
	noProse bool
	passes  int
	topics  bool
	noEvid  bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.Float64Var(&o.mb, "mb", 4, "size of the text in MB (10⁶ bytes): the articles repeated")
	fs.IntVar(&o.repeat, "repeat", 5, "runs of each measurement; the fastest counts")
	fs.IntVar(&o.proseKB, "prose-kb", 100, "KB of the text given to prose's slow named-entity recognizer")
	fs.IntVar(&o.scale, "scale", 0, "also compile a synthetic lexicon of this many entries and tag with it (e.g. 1000000)")
	fs.StringVar(&o.dir, "testdata", "", "the testdata directory (default: found from the working directory)")
	fs.StringVar(&o.labeled, "labeled", "", "take the texts of this label;text CSV file instead (e.g. ../shared/data/10kgnad/dev.csv)")
	fs.BoolVar(&o.noProse, "no-prose", false, "skip prose")
	fs.IntVar(&o.passes, "passes", 0, "only tag the articles this many times over, one per call, and exit (for instruction counts; see README)")
	fs.BoolVar(&o.topics, "topics", true, "with -passes: tag topics too")
	fs.BoolVar(&o.noEvid, "no-evidence", false, "with -passes: topics without evidence (topic.Options.NoEvidence)")
	if status, ok := cmdline.Parse(fs, args); !ok {
		return status
	}
	if o.passes > 0 {
		if err := passes(o, stdout); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	if o.repeat < 1 || o.mb <= 0 {
		fmt.Fprintln(stderr, "bench: -repeat must be at least 1 and -mb positive")
		return 2
	}
	if err := bench(o, stdout); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// passes tags the articles o.passes times over after one pass that warms
// the caches, with nothing else around: callgrind's instruction counts of
// two runs with different o.passes give the cost per document (README).
func passes(o options, w io.Writer) error {
	docs, err := articlesOf(o)
	if err != nil {
		return err
	}
	var opts []tagger.Option
	if !o.topics {
		opts = append(opts, tagger.WithoutTopics())
	}
	if o.noEvid {
		opts = append(opts, tagger.WithTopicOptions(topic.Options{NoEvidence: true}))
	}
	t, err := tagger.New(opts...)
	if err != nil {
		return err
	}
	if _, err := countEntities(t, docs); err != nil { // the warm-up pass
		return err
	}
	n := 0
	for range o.passes {
		k, err := countEntities(t, docs)
		if err != nil {
			return err
		}
		n += k
	}
	fmt.Fprintf(w, "%d passes over %d documents: %d entities\n", o.passes, len(docs), n)
	return nil
}

// articlesOf loads the texts of o.labeled, or the articles of o.dir, or of
// the testdata directory found from the working directory.
func articlesOf(o options) ([]string, error) {
	if o.labeled != "" {
		recs, err := labeled.ReadFile(o.labeled)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		if len(recs) == 0 {
			return nil, fmt.Errorf("bench: %s holds no texts", o.labeled)
		}
		docs := make([]string, len(recs))
		for i, r := range recs {
			docs[i] = r.Text
		}
		return docs, nil
	}
	if o.dir == "" {
		d, err := findTestdata()
		if err != nil {
			return nil, err
		}
		o.dir = d
	}
	return loadDocs(o.dir)
}

func bench(o options, w io.Writer) error {
	articles, err := articlesOf(o)
	if err != nil {
		return err
	}
	docs := repeatDocs(articles, int(o.mb*1e6))
	size := total(docs)
	fmt.Fprintf(w, "etikett bench: %s %s/%s, %s, %d CPUs, GOMAXPROCS %d, load %s\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAvg())
	source := fmt.Sprintf("the seed article and %d articles", len(articles)-1)
	if o.labeled != "" {
		source = fmt.Sprintf("%d texts of %s", len(articles), filepath.Base(o.labeled))
	}
	fmt.Fprintf(w, "text: %.2f MB in %d documents (%s, repeated); fastest of %d runs\n\n",
		mb(size), len(docs), source, o.repeat)

	// New with the default lexicon.
	newTime, newHeap, newAlloc, tg, err := measureNew(o.repeat, nil)
	if err != nil {
		return err
	}
	st := tg.Stats()
	fmt.Fprintf(w, "tagger.New (default lexicon, %d entries, %d trie nodes): %s, heap %.1f MB live, %.1f MB allocated\n\n",
		st.Entries, st.TrieNodes, ms(newTime), mb(newHeap), mb(newAlloc))
	noTopics, err := tagger.New(tagger.WithoutTopics())
	if err != nil {
		return err
	}
	noEvidence, err := tagger.New(tagger.WithTopicOptions(topic.Options{NoEvidence: true}))
	if err != nil {
		return err
	}

	type row struct {
		name  string
		bytes int
		d     time.Duration
		note  string
		run   func() error
	}
	tagAll := func(t *tagger.Tagger, docs []string) func() error {
		return func() error {
			for _, d := range docs {
				if _, err := t.Tag(d); err != nil {
					return err
				}
			}
			return nil
		}
	}
	whole := strings.Join(docs, "\n\n")
	proseTok := func(text string) error {
		_, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithSegmentation(false), prose.WithExtraction(false))
		return err
	}
	sample := prefixDocs(docs, o.proseKB*1000)
	rows := []*row{
		{name: "etikett Tag (entities + topics)", bytes: size, note: "per document, 1 goroutine", run: tagAll(tg, docs)},
		{name: "etikett Tag, topics w/o evidence", bytes: size, note: "per document, 1 goroutine (topic.Options.NoEvidence)", run: tagAll(noEvidence, docs)},
		{name: "etikett Tag, WithoutTopics", bytes: size, note: "per document, 1 goroutine", run: tagAll(noTopics, docs)},
		{name: "etikett Tag, whole text", bytes: len(whole), note: "one call, 1 goroutine", run: func() error {
			_, err := tg.Tag(whole)
			return err
		}},
	}
	if !o.noProse {
		rows = append(rows,
			&row{name: "prose v2 tokenization only", bytes: size, note: "per document", run: func() error {
				for _, d := range docs {
					if err := proseTok(d); err != nil {
						return err
					}
				}
				return nil
			}},
			&row{name: "prose v2 tokenization, whole text", bytes: len(whole), note: "one call", run: func() error { return proseTok(whole) }},
			&row{name: sampleRow, bytes: total(sample), note: "per document", run: tagAll(tg, sample)},
		)
	}
	rows = append(rows, &row{name: "floor: bytes.Fields", bytes: size, note: "per document, incl. the []byte copy", run: func() error {
		n := 0
		for _, d := range docs {
			n += len(bytes.Fields([]byte(d)))
		}
		runtime.KeepAlive(n)
		return nil
	}})
	// The engines take turns, so that all see the same load.
	for range o.repeat {
		for _, r := range rows {
			d, err := best(1, r.run)
			if err != nil {
				return err
			}
			if r.d == 0 || d < r.d {
				r.d = d
			}
		}
	}
	if !o.noProse {
		var nEnt int
		d, err := best(1, func() error {
			nEnt = 0
			for _, d := range sample {
				doc, err := prose.NewDocument(d)
				if err != nil {
					return err
				}
				nEnt += len(doc.Entities())
			}
			return nil
		})
		if err != nil {
			return err
		}
		// Before the etikett row on the same sample.
		at := slices.IndexFunc(rows, func(r *row) bool { return r.name == sampleRow })
		rows = slices.Insert(rows, at, &row{name: "prose v2 NER (default NewDocument)", bytes: total(sample), d: d,
			note: fmt.Sprintf("per document, first %d KB only, 1 run; %d entities", total(sample)/1000, nEnt)})
	}
	etikett := rows[0]
	etikettMBs := rate(etikett.bytes, etikett.d)
	fmt.Fprintf(w, "%-36s %6s %9s %8s %10s  %s\n", "engine", "MB", "time", "MB/s", "etikett ×", "how")
	for _, r := range rows {
		ratio := etikettMBs / rate(r.bytes, r.d)
		fmt.Fprintf(w, "%-36s %6.2f %9s %8.2f %10s  %s\n", r.name, mb(r.bytes), ms(r.d), rate(r.bytes, r.d), fmtRatio(ratio), r.note)
	}
	fmt.Fprintln(w)

	// Throughput with 1 … GOMAXPROCS goroutines, next to what the machine
	// gives a CPU-bound loop: virtual CPUs may share a physical core.
	fmt.Fprintln(w, "etikett Tag (entities + topics), documents spread over goroutines:")
	fmt.Fprintf(w, "%10s %8s %9s %18s\n", "goroutines", "MB/s", "speed-up", "CPU-bound loop")
	// Goroutine counts take turns, so that all see the same load.
	procs := runtime.GOMAXPROCS(0)
	tagD := make([]time.Duration, procs+1)
	spinD := make([]time.Duration, procs+1)
	for range o.repeat {
		for g := 1; g <= procs; g++ {
			d, err := best(1, func() error { return tagParallel(tg, docs, g) })
			if err != nil {
				return err
			}
			spin, _ := best(1, func() error { spinParallel(g); return nil })
			if tagD[g] == 0 || d < tagD[g] {
				tagD[g] = d
			}
			if spinD[g] == 0 || spin < spinD[g] {
				spinD[g] = spin
			}
		}
	}
	for g := 1; g <= procs; g++ {
		r := rate(size, tagD[g])
		fmt.Fprintf(w, "%10d %8.2f %8.2f× %17.2f×\n", g, r, r/rate(size, tagD[1]),
			float64(g)*spinD[1].Seconds()/spinD[g].Seconds())
	}

	if o.scale > 0 {
		fmt.Fprintln(w)
		if err := benchScale(o, w, docs, tg); err != nil {
			return err
		}
	}
	return nil
}

var spinSink [8 * 64]uint64

// spinParallel runs the same CPU-bound loop (independent integer
// operations, no memory) on g goroutines: its speed-up is the most the
// machine gives g goroutines.
func spinParallel(g int) {
	var wg sync.WaitGroup
	for k := range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, b, c, d := uint64(k), uint64(k+1), uint64(k+2), uint64(k+3)
			for range 50_000_000 {
				a = a*3 + 1
				b ^= b >> 3
				c += a
				d = d*5 + b
			}
			spinSink[k%64*8] = a + b + c + d
		}()
	}
	wg.Wait()
}

// tagParallel tags docs with g goroutines that take the next document in
// turn.
func tagParallel(t *tagger.Tagger, docs []string, g int) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, g)
	for k := range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				if _, err := t.Tag(docs[i]); err != nil {
					errs[k] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// measureNew times tagger.New and measures the heap the tagger keeps and
// the bytes allocated while compiling it.
func measureNew(repeat int, opts []tagger.Option) (d time.Duration, live, alloc uint64, t *tagger.Tagger, err error) {
	d, err = best(repeat, func() error {
		t = nil
		var err error
		t, err = tagger.New(opts...)
		return err
	})
	if err != nil {
		return 0, 0, 0, nil, err
	}
	t = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t, err = tagger.New(opts...)
	if err != nil {
		return 0, 0, 0, nil, err
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(t)
	return d, after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc), after.TotalAlloc - before.TotalAlloc, t, nil
}

// benchScale compiles the default lexicon plus o.scale synthetic entries
// and tags docs with it.
func benchScale(o options, w io.Writer, docs []string, defaultTagger *tagger.Tagger) error {
	defaultFound, err := countEntities(defaultTagger, docs)
	if err != nil {
		return err
	}
	start := time.Now()
	avoid, err := defaultNameKeys()
	if err != nil {
		return err
	}
	files, err := synthLexicon(o.scale, avoid)
	if err != nil {
		return err
	}
	avoid = nil
	fsys, err := withDefault(files)
	if err != nil {
		return err
	}
	var fileBytes int
	for _, f := range files {
		fileBytes += len(f)
	}
	fmt.Fprintf(w, "lexicon scale: %d synthetic entries (%.1f MB of TSV, made in %s) plus the default lexicon\n",
		o.scale, mb(fileBytes), ms(time.Since(start)))

	start = time.Now()
	lx := lexicon.New()
	if err := lx.AddFS(fsys); err != nil {
		return err
	}
	if err := lx.Err(); err != nil {
		return fmt.Errorf("bench: synthetic lexicon: %.500v", err)
	}
	parse := time.Since(start)
	entries := len(lx.Entries)
	lx = nil

	opts := []tagger.Option{tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(fsys)}
	d, live, alloc, tg, err := measureNew(1, opts)
	if err != nil {
		return err
	}
	st := tg.Stats()
	fmt.Fprintf(w, "  lexicon parse alone (lexicon.AddFS + Err): %s\n", ms(parse))
	fmt.Fprintf(w, "  tagger.New (WithoutDefaultLexicon + WithLexiconFS(fstest.MapFS)), parse included: %s\n", ms(d))
	fmt.Fprintf(w, "  %d entries, %d trie nodes; heap %.1f MB live, %.1f MB allocated while compiling\n",
		entries, st.TrieNodes, mb(live), mb(alloc))

	// The two taggers take turns, so that both see the same load.
	size := total(docs)
	var found int
	var dDef, dBig []time.Duration
	for range o.repeat {
		d, err := best(1, func() error {
			_, err := countEntities(defaultTagger, docs)
			return err
		})
		if err != nil {
			return err
		}
		dDef = append(dDef, d)
		d, err = best(1, func() error {
			var err error
			found, err = countEntities(tg, docs)
			return err
		})
		if err != nil {
			return err
		}
		dBig = append(dBig, d)
	}
	rDef, rBig := rate(size, slices.Min(dDef)), rate(size, slices.Min(dBig))
	fmt.Fprintf(w, "  Tag on the same %.2f MB, 1 goroutine, fastest of %d turns each: %.2f MB/s = %.0f %% of the default lexicon's %.2f MB/s\n",
		mb(size), o.repeat, rBig, 100*rBig/rDef, rDef)
	fmt.Fprintf(w, "  entities found: %d (default lexicon: %d)\n", found, defaultFound)
	runtime.KeepAlive(tg)
	return nil
}

func countEntities(t *tagger.Tagger, docs []string) (int, error) {
	n := 0
	for _, d := range docs {
		res, err := t.Tag(d)
		if err != nil {
			return 0, err
		}
		n += len(res.Entities)
	}
	return n, nil
}

// withDefault returns an fs.FS with the synthetic files and the default
// lexicon's, so that the tagger runs the same rules (roles, first names)
// with a much larger gazetteer.
func withDefault(files map[string][]byte) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	def := lexicon.Default()
	names, err := fs.Glob(def, "*.tsv")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		data, err := fs.ReadFile(def, n)
		if err != nil {
			return nil, err
		}
		m[n] = &fstest.MapFile{Data: data}
	}
	for n, data := range files {
		m[n] = &fstest.MapFile{Data: data}
	}
	return m, nil
}

// best runs fn repeat times after a garbage collection each and returns the
// fastest run.
func best(repeat int, fn func() error) (time.Duration, error) {
	var ds []time.Duration
	for range repeat {
		runtime.GC()
		start := time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		ds = append(ds, time.Since(start))
	}
	return slices.Min(ds), nil
}

// findTestdata looks for testdata/articles in the working directory and its
// parents, so the program runs from the module root or from its own
// directory.
func findTestdata() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		d := filepath.Join(dir, "testdata")
		if fi, err := os.Stat(filepath.Join(d, "articles")); err == nil && fi.IsDir() {
			return d, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("bench: no testdata/articles here or above; use -testdata")
		}
		dir = parent
	}
}

// loadDocs reads the seed article and the articles, in name order.
func loadDocs(dir string) ([]string, error) {
	_, docs, err := newstext.Articles(dir)
	return docs, err
}

// repeatDocs cycles through docs until the documents hold at least size
// bytes.
func repeatDocs(docs []string, size int) []string {
	var out []string
	n := 0
	for i := 0; n < size; i++ {
		d := docs[i%len(docs)]
		out = append(out, d)
		n += len(d)
	}
	return out
}

// prefixDocs returns the first documents that hold at least size bytes.
func prefixDocs(docs []string, size int) []string {
	n := 0
	for i, d := range docs {
		if n >= size {
			return docs[:i]
		}
		n += len(d)
	}
	return docs
}

func total(docs []string) int {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return n
}

func mb[T int | uint64](n T) float64 { return float64(n) / 1e6 }

func rate(n int, d time.Duration) float64 { return float64(n) / 1e6 / d.Seconds() }

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d)/1e6)
}

func fmtRatio(r float64) string {
	if r >= 100 {
		return fmt.Sprintf("%.0f×", r)
	}
	return fmt.Sprintf("%.2f×", r)
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "cpu unknown"
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "cpu unknown"
}

// loadAvg reports the 1-minute load average, which tells whether other
// processes competed for the CPUs during the run.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return "unknown"
	}
	return f[0]
}
