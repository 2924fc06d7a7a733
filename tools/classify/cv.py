"""
Chooses the category model's settings by 5-fold cross-validation on the TRAINING split only (the rows train.py trains
on; the choice never reads the validation split, sha1 mod 5 == 0). Prints, per candidate, the mean macro-F1 over the
folds (± the standard deviation across folds) on all rows and on complete messages (subject and body), the macro-F1 of
the out-of-fold predictions of complete messages pooled over the folds, and the feature count of the first fold. `--validation` reports, after the choice, each candidate trained on the whole training split
and scored on the validation split (a report, not a choice: docs/smart-dispatch.md).

Usage (the pinned venv of train.sh; a candidate takes 3-10 minutes on a loaded 2-core machine):
  .local/classify/bin/python tools/classify/cv.py [--only name,name] [--detail] [--validation]
"""
import argparse
import json
import re
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.linear_model import LogisticRegression, RidgeClassifier, SGDClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

from train import default_data, fit_linear, in_validation


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


BASE = {
    "ngram": (1, 2),
    "min_df": 2,
    "sublinear": True,
    "C": 1.0,
    "balanced": True,
    "subject": 2,
    "body": 0,
    "namespaced": False,
    "model": "svm",
    "complete_weight": 1.0,
    "fields": "joint",
}
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
    # Second round (the same folds): other linear learners on the same features, complete messages weighted up, and the
    # subject and body as two separately normalised TF-IDF blocks (own vocabularies) in one model.
    "complete-x3": {"complete_weight": 3.0},
    "sgd-modified-huber": {"model": "sgd"},
    "ridge": {"model": "ridge"},
    "complement-nb": {"model": "cnb"},
    "nb-svm": {"model": "nbsvm"},
    "logistic-ovr-C30": {"model": "logistic"},
    "fields-separate": {"fields": "separate"},
    "fields-separate-subject1.5": {"fields": "separate", "subject_scale": 1.5},
    # The committed model since version 2 (train.py fit_linear): ridge + NB-SVM, each scaled by its decisions' std.
    "ridge+nbsvm": {"model": "ridge+nbsvm"},
}


def vectorizer_of(cfg):
    analyzer = namespaced_analyzer(*cfg["ngram"]) if cfg["namespaced"] else "char"
    return TfidfVectorizer(analyzer=analyzer, ngram_range=cfg["ngram"], sublinear_tf=cfg["sublinear"], min_df=cfg["min_df"], dtype=np.float64)


class FieldsVectorizer:
    """The subject and the body as two TF-IDF blocks, each with its own vocabulary and l2 norm, side by side."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.subject = vectorizer_of({**cfg, "namespaced": False})
        self.body = vectorizer_of({**cfg, "namespaced": False})

    def fit_transform(self, rows):
        self.subject.fit([r.get("subject") for r in rows if r.get("subject")])
        self.body.fit([r.get("body") for r in rows if r.get("body")])
        return self.transform(rows)

    def transform(self, rows):
        subject = self.subject.transform([r.get("subject") or "" for r in rows]) * self.cfg.get("subject_scale", 1.0)
        return sp.hstack([subject, self.body.transform([r.get("body") or "" for r in rows])]).tocsr()


def nb_svm(cfg, x_fit, y_fit, x_test):
    """NB-SVM (Wang & Manning 2012): per class, features scaled by the log-count ratio of presence, then a binary SVM."""
    present = (x_fit > 0).astype(np.float64)
    classes = sorted(set(y_fit))
    decision = np.zeros((x_test.shape[0], len(classes)))
    for c, name in enumerate(classes):
        positive = y_fit == name
        p = np.asarray(present[positive].sum(0)).ravel() + 1
        q = np.asarray(present[~positive].sum(0)).ravel() + 1
        ratio = sp.diags(np.log((p / p.sum()) / (q / q.sum())))
        svm = LinearSVC(C=cfg["C"], class_weight="balanced", random_state=0, max_iter=5000).fit(x_fit @ ratio, positive)
        decision[:, c] = svm.decision_function(x_test @ ratio)
    return np.array(classes)[decision.argmax(axis=1)]


def fit_predict(cfg, x_fit, y_fit, x_test, weights):
    """The candidate's learner fitted on (x_fit, y_fit), predicting x_test."""
    balanced = "balanced" if cfg["balanced"] else None
    if cfg["model"] == "nbsvm":
        return nb_svm(cfg, x_fit, y_fit, x_test)
    if cfg["model"] == "ridge+nbsvm":
        classes, coef, intercept = fit_linear(x_fit, y_fit, ("ridge", "nbsvm"))
        return np.array(classes)[(x_test @ coef.T + intercept).argmax(axis=1)]
    learner = {
        "svm": lambda: LinearSVC(C=cfg["C"], class_weight=balanced, random_state=0, max_iter=5000),
        "sgd": lambda: SGDClassifier(loss="modified_huber", alpha=2e-5, average=True, class_weight=balanced, random_state=0, max_iter=50, tol=None),
        "ridge": lambda: RidgeClassifier(alpha=1.0, class_weight=balanced, solver="sparse_cg"),
        "cnb": lambda: ComplementNB(alpha=0.05),
        "logistic": lambda: LogisticRegression(C=30, solver="liblinear", class_weight=balanced),
    }[cfg["model"]]()
    if cfg["model"] == "cnb":
        return learner.fit(x_fit, y_fit).predict(x_test)
    return learner.fit(x_fit, y_fit, sample_weight=weights).predict(x_test)


def features(cfg, fit_rows, test_rows):
    """(x_fit, x_test): the candidate's vectorizer fitted on fit_rows only."""
    if cfg["fields"] == "separate":
        vectorizer = FieldsVectorizer(cfg)
        return vectorizer.fit_transform(fit_rows), vectorizer.transform(test_rows)
    vectorizer = vectorizer_of(cfg)
    x_fit = vectorizer.fit_transform([text_of(r, cfg["subject"], cfg["body"]) for r in fit_rows])
    return x_fit, vectorizer.transform([text_of(r, cfg["subject"], cfg["body"]) for r in test_rows])


def weights_of(cfg, rows):
    return np.array([cfg["complete_weight"] if r.get("subject") and r.get("body") else 1.0 for r in rows])


def validate(names, train, val):
    """Reports, never chooses: each candidate fitted on the training split and scored on the held-out validation split."""
    complete = np.array([bool(r.get("subject") and r.get("body")) for r in val])
    y_val = np.array([r["label1"] for r in val])
    print(f"validation split {len(val)} rows ({int(complete.sum())} complete messages)", flush=True)
    for name in names:
        cfg = {**BASE, **CANDIDATES[name]}
        x_train, x_val = features(cfg, train, val)
        predicted = fit_predict(cfg, x_train, np.array([r["label1"] for r in train]), x_val, weights_of(cfg, train))
        print(
            f"{name:18s} validation all {f1_score(y_val, predicted, average='macro'):.4f}  complete "
            f"{f1_score(y_val[complete], predicted[complete], average='macro'):.4f}  features {x_train.shape[1]}",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=default_data())
    parser.add_argument("--only", default="")
    parser.add_argument("--detail", action="store_true", help="also each fold's figures and the per-class F1 of the pooled predictions")
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
        started = time.time()
        all_f1, complete_f1, width = [], [], 0
        pooled = np.empty(len(train), dtype=object)
        for fit_idx, test_idx in folds:
            x_fit, x_test = features(cfg, [train[i] for i in fit_idx], [train[i] for i in test_idx])
            width = width or x_fit.shape[1]
            predicted = fit_predict(cfg, x_fit, labels[fit_idx], x_test, weights_of(cfg, [train[i] for i in fit_idx]))
            pooled[test_idx] = predicted
            all_f1.append(f1_score(labels[test_idx], predicted, average="macro"))
            mask = complete[test_idx]
            complete_f1.append(f1_score(labels[test_idx][mask], predicted[mask], average="macro"))
        print(
            f"{name:18s} all {np.mean(all_f1):.4f} ±{np.std(all_f1):.4f}  complete {np.mean(complete_f1):.4f} ±{np.std(complete_f1):.4f}"
            f"  complete pooled {f1_score(labels[complete], pooled[complete].astype(str), average='macro'):.4f}"
            f"  features {width}  {time.time() - started:.0f}s",
            flush=True,
        )
        if args.detail:
            print("  folds, all rows:          " + " ".join(f"{f:.4f}" for f in all_f1))
            print("  folds, complete messages: " + " ".join(f"{f:.4f}" for f in complete_f1))
            classes = sorted(set(labels.tolist()))
            for what, mask in (("all rows", np.ones(len(train), dtype=bool)), ("complete messages", complete)):
                per_class = f1_score(labels[mask], pooled[mask].astype(str), average=None, labels=classes)
                print(f"  per-class F1, pooled, {what}: " + "  ".join(f"{c} {f:.4f}" for c, f in zip(classes, per_class)), flush=True)


warnings.filterwarnings("ignore", message="The parameter 'ngram_range' will not be used")

if __name__ == "__main__":
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    main()
