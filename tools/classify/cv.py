"""
Chooses the category model's settings by 5-fold cross-validation on the TRAINING split only (the rows train.py trains
on; the choice never reads the validation split, sha1 mod 5 == 0). Prints, per candidate, the mean macro-F1 over the
folds (± the standard deviation across folds) on all rows and on complete messages (subject and body), and the feature
count of the first fold. `--validation` reports, after the choice, each candidate trained on the whole training split
and scored on the validation split (a report, not a choice: docs/smart-dispatch.md).

Usage (the pinned venv of train.sh; a candidate takes 3-10 minutes on a loaded 2-core machine):
  .local/classify/bin/python tools/classify/cv.py [--only name,name] [--validation]
"""
import argparse
import json
import re
import sys
import time
import warnings

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from train import default_data, in_validation


WHITESPACE = re.compile(r"\s\s+")
SUBJECT_MARK = "\u00a7"  # § never occurs in the messages: a subject n-gram is its own feature


def text_of(row, subject_repeat, body_chars):
    body = row.get("body") or ""
    if body_chars:
        body = body[:body_chars]
    return ((row.get("subject") or "") + "\n") * subject_repeat + body


def grams(text, low, high):
    points = WHITESPACE.sub(" ", text.lower())
    return [points[i : i + n] for n in range(low, high + 1) for i in range(len(points) - n + 1)]


def namespaced_analyzer(low, high):
    """The text's n-grams (subject\nbody) plus the subject's own n-grams marked as subject features."""

    def analyze(doc):
        subject, _, _ = doc.partition("\n")
        return grams(doc, low, high) + [SUBJECT_MARK + g for g in grams(subject, low, high)]

    return analyze


BASE = {"ngram": (1, 2), "min_df": 2, "sublinear": True, "C": 1.0, "balanced": True, "subject": 2, "body": 0, "namespaced": False}
CANDIDATES = {
    "base": {},
    "C0.5": {"C": 0.5},
    "C0.7": {"C": 0.7},
    "C1.5": {"C": 1.5},
    "C2": {"C": 2.0},
    "unweighted": {"balanced": False},
    "subject1": {"subject": 1},
    "subject3": {"subject": 3},
    "subject4": {"subject": 4},
    "linear-tf": {"sublinear": False},
    "body300": {"body": 300},
    "body600": {"body": 600},
    "body1000": {"body": 1000},
    "char13-df3": {"ngram": (1, 3), "min_df": 3},
    "char13-df5": {"ngram": (1, 3), "min_df": 5},
    "char13-df3-C0.5": {"ngram": (1, 3), "min_df": 3, "C": 0.5},
    "char12-df1": {"min_df": 1},
    "char12-df3": {"min_df": 3},
    "subject-ns": {"subject": 1, "namespaced": True},
    "subject-ns-C0.7": {"subject": 1, "namespaced": True, "C": 0.7},
}


def vectorizer_of(cfg):
    analyzer = namespaced_analyzer(*cfg["ngram"]) if cfg["namespaced"] else "char"
    return TfidfVectorizer(analyzer=analyzer, ngram_range=cfg["ngram"], sublinear_tf=cfg["sublinear"], min_df=cfg["min_df"], dtype=np.float64)


def validate(names, train, val):
    """Reports, never chooses: each candidate fitted on the training split and scored on the held-out validation split."""
    complete = np.array([bool(r.get("subject") and r.get("body")) for r in val])
    y_val = np.array([r["label1"] for r in val])
    print(f"validation split {len(val)} rows ({int(complete.sum())} complete messages)", flush=True)
    for name in names:
        cfg = {**BASE, **CANDIDATES[name]}
        vectorizer = vectorizer_of(cfg)
        x_train = vectorizer.fit_transform([text_of(r, cfg["subject"], cfg["body"]) for r in train])
        x_val = vectorizer.transform([text_of(r, cfg["subject"], cfg["body"]) for r in val])
        svm = LinearSVC(C=cfg["C"], class_weight="balanced" if cfg["balanced"] else None, random_state=0, max_iter=5000)
        svm.fit(x_train, [r["label1"] for r in train])
        predicted = svm.predict(x_val)
        print(
            f"{name:18s} validation all {f1_score(y_val, predicted, average='macro'):.4f}  complete "
            f"{f1_score(y_val[complete], predicted[complete], average='macro'):.4f}  features {x_train.shape[1]}",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=default_data())
    parser.add_argument("--only", default="")
    parser.add_argument("--validation", action="store_true", help="after the choice: each candidate trained on the whole training split, scored on the validation split")
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    train = [r for r in rows if not in_validation(r)]
    labels = np.array([r["label1"] for r in train])
    complete = np.array([bool(r.get("subject") and r.get("body")) for r in train])
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(len(train)), labels))
    names = [n for n in args.only.split(",") if n] or list(CANDIDATES)
    if args.validation:
        validate(names, train, [r for r in rows if in_validation(r)])
        return
    print(f"training split {len(train)} rows ({int(complete.sum())} complete messages), 5 folds", flush=True)
    for name in names:
        cfg = {**BASE, **CANDIDATES[name]}
        texts = [text_of(r, cfg["subject"], cfg["body"]) for r in train]
        started = time.time()
        all_f1, complete_f1, width = [], [], 0
        for fit_idx, test_idx in folds:
            vectorizer = vectorizer_of(cfg)
            x_fit = vectorizer.fit_transform([texts[i] for i in fit_idx])
            x_test = vectorizer.transform([texts[i] for i in test_idx])
            width = width or x_fit.shape[1]
            svm = LinearSVC(C=cfg["C"], class_weight="balanced" if cfg["balanced"] else None, random_state=0, max_iter=5000)
            svm.fit(x_fit, labels[fit_idx])
            predicted = svm.predict(x_test)
            all_f1.append(f1_score(labels[test_idx], predicted, average="macro"))
            mask = complete[test_idx]
            complete_f1.append(f1_score(labels[test_idx][mask], predicted[mask], average="macro"))
        print(
            f"{name:18s} all {np.mean(all_f1):.4f} ±{np.std(all_f1):.4f}  complete {np.mean(complete_f1):.4f} ±{np.std(complete_f1):.4f}"
            f"  features {width}  {time.time() - started:.0f}s",
            flush=True,
        )


warnings.filterwarnings("ignore", message="The parameter 'ngram_range' will not be used")

if __name__ == "__main__":
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    main()
