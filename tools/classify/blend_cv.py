"""
Out-of-fold decisions for blends (version 3 of the category model, docs/smart-dispatch.md): on the TRAINING split only
(the rows train.py trains on; never the validation split), the same 5 stratified folds as cv.py (shuffled, seed 0).
For each feature space and each linear learner it stores, per row of the training split, the learner's decision values
when that row's fold was held out, each learner divided by the standard deviation of its decisions on the rows it was
fitted on (as train.py fit_linear does), so that blends are sums. Blends are then scored without refitting: mean
macro-F1 over the folds (± sd) on all rows and on complete messages, and the pooled out-of-fold macro-F1 of complete
messages.

Word feature spaces (w12s4, w1s4) read .local/classify/teddy-words.jsonl, written first by the Node segmenter the
intake loads: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/classify/segment-words.ts`.

Usage (the pinned venv of train.sh):
  .local/classify/bin/python tools/classify/blend_cv.py fit FEATURES LEARNER[,LEARNER…] [MARGIN]   # caches .local/classify/oof/; MARGIN: drop noisy rows (train.py noisy_rows) from each fold's fit rows
  .local/classify/bin/python tools/classify/blend_cv.py score [FEATURES:LEARNER[*weight]+…] …   # no argument: every sum of cached learners of one feature space
  .local/classify/bin/python tools/classify/blend_cv.py bias BLEND   # per-class offsets for complete messages, nested
  .local/classify/bin/python tools/classify/blend_cv.py noise     # reposted texts whose labels disagree
"""
import hashlib
import itertools
import json
import os
import sys
import time
from collections import defaultdict

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import default_data, fit_learner, in_validation, noisy_rows  # noqa: E402

CACHE = ".local/classify/oof"

# Feature spaces: character n-gram range, min_df, how many times the subject is written before the body.
FEATURES = {
    "c12": {"ngram": (1, 2), "min_df": 2, "subject": 2},
    "c12s3": {"ngram": (1, 2), "min_df": 2, "subject": 3},
    "c12s4": {"ngram": (1, 2), "min_df": 2, "subject": 4},
    "c12s6": {"ngram": (1, 2), "min_df": 2, "subject": 6},
    "c12s8": {"ngram": (1, 2), "min_df": 2, "subject": 8},
    "c13": {"ngram": (1, 3), "min_df": 2, "subject": 2},
    "c13d3": {"ngram": (1, 3), "min_df": 3, "subject": 2},
    "c14d3": {"ngram": (1, 4), "min_df": 3, "subject": 2},
    "c13s4": {"ngram": (1, 3), "min_df": 2, "subject": 4},
    # Words: jieba segmentation by the Node segmenter the intake already loads (@node-rs/jieba, segment-words.ts writes
    # .local/classify/teddy-words.jsonl, one line per row of train.jsonl), word 1-2 grams within the subject and within
    # the body, the subject's counted `subject` times.
    "w12s4": {"words": True, "ngram": (1, 2), "min_df": 2, "subject": 4},
    "w1s4": {"words": True, "ngram": (1, 1), "min_df": 2, "subject": 4},
}
WORDS = ".local/classify/teddy-words.jsonl"


def word_analyzer(low, high, subject_repeat):
    """A row's word n-grams: those of the subject's words (each counted subject_repeat times) and of the body's."""

    def grams(words):
        return [" ".join(words[i : i + n]) for n in range(low, high + 1) for i in range(len(words) - n + 1)]

    def analyze(doc):
        subject, body = doc
        return grams(subject) * subject_repeat + grams(body)

    return analyze


def docs_of(cfg, rows, field=None):
    """What the feature space's vectorizer reads for these rows (field: the subject alone or the body alone)."""
    if cfg.get("words"):
        return [(r["_words"]["s"] if field != "body" else [], r["_words"]["b"] if field != "subject" else []) for r in rows]
    return [text_of({field: r.get(field)} if field else r, cfg["subject"]) for r in rows]


def text_of(row, subject_repeat):
    return ((row.get("subject") or "") + "\n") * subject_repeat + (row.get("body") or "")


def load_train(data):
    rows = [json.loads(line) for line in open(data, encoding="utf-8")]
    if os.path.exists(WORDS):
        for r, line in zip(rows, open(WORDS, encoding="utf-8")):
            r["_words"] = json.loads(line)
    train = [r for r in rows if not in_validation(r)]
    labels = np.array([r["label1"] for r in train])
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(len(train)), labels))
    return train, labels, folds


def fit(feature_name, learners, drop_margin=None):
    cfg = FEATURES[feature_name]
    train, labels, folds = load_train(default_data())
    classes = sorted(set(labels.tolist()))
    os.makedirs(CACHE, exist_ok=True)
    views = ("", "@subject", "@body")
    suffix = "" if drop_margin is None else f"~drop{drop_margin:g}"
    oof = {name + suffix + v: np.zeros((len(train), len(classes))) for name in learners for v in views}
    for k, (fit_idx, test_idx) in enumerate(folds):
        started = time.time()
        analyzer = word_analyzer(*cfg["ngram"], cfg["subject"]) if cfg.get("words") else "char"
        vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=cfg["ngram"], sublinear_tf=True, min_df=cfg["min_df"], dtype=np.float64)
        x_fit = vectorizer.fit_transform(docs_of(cfg, [train[i] for i in fit_idx]))
        x_test = vectorizer.transform(docs_of(cfg, [train[i] for i in test_idx]))
        # The subject alone and the body alone of each held-out row, through the same model (blends of views).
        x_subject = vectorizer.transform(docs_of(cfg, [train[i] for i in test_idx], "subject"))
        x_body = vectorizer.transform(docs_of(cfg, [train[i] for i in test_idx], "body"))
        y_fit = labels[fit_idx]
        if drop_margin is not None:
            keep = ~noisy_rows(x_fit, y_fit, classes, drop_margin)
            print(f"  fold {k + 1}: {int((~keep).sum())} of {len(keep)} rows dropped as noisy (margin {drop_margin})", flush=True)
            x_fit, y_fit = x_fit[keep], y_fit[keep]
        for name in learners:
            t = time.time()
            coef, intercept = fit_learner(name, x_fit, y_fit, classes)
            scale = float(np.std(x_fit @ coef.T + intercept))
            for v, x in zip(views, (x_test, x_subject, x_body)):
                oof[name + suffix + v][test_idx] = (x @ coef.T + intercept) / scale
            print(f"  fold {k + 1} {feature_name}:{name} {time.time() - t:.0f}s", flush=True)
        print(f"fold {k + 1} {feature_name} {x_fit.shape[1]} features {time.time() - started:.0f}s", flush=True)
    for key, values in oof.items():
        np.save(f"{CACHE}/{feature_name}-{key}.npy", values)


def parse_blend(text):
    parts = []
    for term in text.split("+"):
        key, _, weight = term.partition("*")
        parts.append((key, float(weight or 1.0)))
    return parts


def macro_f1(truth, guess, k):
    """Macro-F1 over k classes of integer labels (fast, for the bias search)."""
    f = []
    for c in range(k):
        tp = np.sum((guess == c) & (truth == c))
        denominator = np.sum(guess == c) + np.sum(truth == c)
        f.append(0.0 if tp == 0 else 2 * tp / denominator)
    return float(np.mean(f))


def tune_bias(decision, truth, k):
    """Per-class offsets added to the decisions that maximise macro-F1 on these rows (coordinate ascent, steps of 0.05
    in [-1, 1], three sweeps; ties keep the smaller offset)."""
    offsets = np.zeros(k)
    grid = np.round(np.arange(-1.0, 1.0001, 0.05), 2)
    for _ in range(3):
        for c in range(k):
            best, best_v = -1.0, 0.0
            for v in sorted(grid, key=abs):
                trial = offsets.copy()
                trial[c] = v
                f = macro_f1(truth, (decision + trial).argmax(axis=1), k)
                if f > best + 1e-12:
                    best, best_v = f, v
            offsets[c] = best_v
    return offsets


def score_bias(blend):
    """Nested: for each fold, per-class offsets tuned on the other folds' out-of-fold complete messages, scored on the
    fold's complete messages; then the offsets tuned on all of them (what train.py would use)."""
    train, labels, folds = load_train(default_data())
    classes = sorted(set(labels.tolist()))
    truth = np.array([classes.index(y) for y in labels])
    complete = np.array([bool(r.get("subject") and r.get("body")) for r in train])
    decision = sum(w * np.load(f"{CACHE}/{key.replace(':', '-')}.npy") for key, w in parse_blend(blend))
    before, after, pooled = [], [], np.zeros(len(train), dtype=int)
    for _, test_idx in folds:
        held = np.zeros(len(train), dtype=bool)
        held[test_idx] = True
        tune = complete & ~held
        offsets = tune_bias(decision[tune], truth[tune], len(classes))
        rows = complete & held
        before.append(macro_f1(truth[rows], decision[rows].argmax(axis=1), len(classes)))
        after.append(macro_f1(truth[rows], (decision[rows] + offsets).argmax(axis=1), len(classes)))
        pooled[rows] = (decision[rows] + offsets).argmax(axis=1)
        print(f"  offsets {' '.join(f'{v:+.2f}' for v in offsets)}  fold complete {before[-1]:.4f} -> {after[-1]:.4f}", flush=True)
    print(
        f"{blend}: complete {np.mean(before):.4f} ±{np.std(before):.4f} -> nested bias {np.mean(after):.4f} ±{np.std(after):.4f}"
        f" (pooled {macro_f1(truth[complete], pooled[complete], len(classes)):.4f})"
    )
    print(f"  offsets on all complete messages: {tune_bias(decision[complete], truth[complete], len(classes)).tolist()}")


def score(blends):
    train, labels, folds = load_train(default_data())
    classes = np.array(sorted(set(labels.tolist())))
    complete = np.array([bool(r.get("subject") and r.get("body")) for r in train])
    cached = sorted(f[:-4] for f in os.listdir(CACHE) if f.endswith(".npy"))
    if not blends:
        by_space = defaultdict(list)
        for key in cached:
            space, learner = key.split("-", 1)
            if "@" in learner:
                continue
            by_space[space].append(f"{space}:{learner}")
        blends = []
        for keys in by_space.values():
            for n in range(1, min(3, len(keys)) + 1):
                blends += ["+".join(c) for c in itertools.combinations(keys, n)]
    results = []
    for blend in blends:
        decision = sum(w * np.load(f"{CACHE}/{key.replace(':', '-')}.npy") for key, w in parse_blend(blend))
        predicted = classes[decision.argmax(axis=1)]
        all_f1 = [f1_score(labels[t], predicted[t], average="macro") for _, t in folds]
        comp_f1 = [f1_score(labels[t][complete[t]], predicted[t][complete[t]], average="macro") for _, t in folds]
        pooled_all = f1_score(labels, predicted, average="macro")
        pooled = f1_score(labels[complete], predicted[complete], average="macro")
        results.append((pooled, blend, np.mean(all_f1), np.std(all_f1), np.mean(comp_f1), np.std(comp_f1), pooled_all))
    for pooled, blend, a, sa, c, sc, pa in sorted(results, key=lambda r: -r[2]):
        print(f"{blend:48s} all {a:.4f} ±{sa:.4f} (pooled {pa:.4f})  complete {c:.4f} ±{sc:.4f} (pooled {pooled:.4f})")


def noise():
    """Reposted texts (the same subject + body under several ids) whose labels disagree, in the whole file."""
    rows = [json.loads(line) for line in open(default_data(), encoding="utf-8")]
    groups = defaultdict(list)
    for r in rows:
        key = hashlib.sha1(((r.get("subject") or "") + "\n" + (r.get("body") or "")).encode("utf-8")).hexdigest()
        groups[key].append(r["label1"])
    repeated = [g for g in groups.values() if len(g) > 1]
    disagree = [g for g in repeated if len(set(g)) > 1]
    print(f"{len(rows)} rows, {len(groups)} distinct texts, {len(repeated)} texts posted more than once, {len(disagree)} with disagreeing labels")
    for g in disagree[:20]:
        print("  " + ", ".join(g))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "score"
    if command == "fit":
        fit(sys.argv[2], sys.argv[3].split(","), float(sys.argv[4]) if len(sys.argv) > 4 else None)
    elif command == "bias":
        score_bias(sys.argv[2])
    elif command == "score":
        score(sys.argv[2:])
    elif command == "noise":
        noise()
    else:
        raise SystemExit(__doc__)
