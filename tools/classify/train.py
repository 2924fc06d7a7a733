"""
Trains the petition category classifier (智能分类) from the Teddy Cup 2020 messages and writes models/category/model.json.

Features: TF-IDF over character 1-2 grams (sklearn's `char` analyzer: lower-cased, runs of whitespace folded) of
"subject\n" × 4 + body (the subject counts four times: a complete message's subject is its best summary;
chosen by cross-validation, blend_cv.py), sublinear tf,
min_df 2, l2 norm. A message's decision is the model's decision on the whole message plus VIEWS × its decisions on the
subject alone and on the body alone (version 4); one linear model, the sum of a ridge classifier and NB-SVM (`fit_linear`; chosen by 5-fold
cross-validation on the training split, tools/classify/cv.py). Scores are a softmax of the decision values with one
temperature fitted on the validation split (negative log-likelihood, grid search).

Split: a row is in validation when sha1(subject + "\n" + body) mod 5 == 0 (reposted texts stay on one side); the model
is trained on the other rows only. Prints macro-F1 (all validation rows and complete messages only), per-class F1
and the confusion matrix. Same data + same pinned versions = the same bytes (checked by `--check`).

Usage: python tools/classify/train.py [--data ../shared/data/teddy/train.jsonl] [--out models/category/model.json] [--check]
"""
import argparse
import base64
import hashlib
import json
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, RidgeClassifier, SGDClassifier
from sklearn.metrics import confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

SUBJECT_REPEAT = 4
# Views: the decision on the whole message plus these weights × the decisions on its subject alone and on its body
# alone, through the same model (most training rows are a subject alone or a body alone; chosen by blend_cv.py).
VIEWS = {"subject": 0.25, "body": 0.25}
NGRAM = (1, 2)
MIN_DF = 2
LEARNERS = ("ridge", "nbsvm")
DROP_MARGIN = None  # a number: rows noisy_rows flags at this margin are left out of the fit (not of the vocabulary)


def joined(row):
    return (row.get("subject") or "") + "\n" + (row.get("body") or "")


def model_text(row):
    return ((row.get("subject") or "") + "\n") * SUBJECT_REPEAT + (row.get("body") or "")


def nb_ratio(x, positive):
    """NB-SVM's log-count ratio of presence of each feature in the class (positive rows) against the rest, add-one smoothed."""
    present = (x > 0).astype(np.float64)
    p = np.asarray(present[positive].sum(0)).ravel() + 1
    q = np.asarray(present[~positive].sum(0)).ravel() + 1
    return np.log((p / p.sum()) / (q / q.sum()))


def fit_learner(name, x, y, classes):
    """(coef classes × features, intercept) of one linear learner, named with its regularisation: "ridge" (alpha 1) or
    "ridge0.5"; "nbsvm" (C 1) or "nbsvm0.5" — NB-SVM (Wang & Manning 2012), one binary linear SVM per class over the
    features scaled by the class's log-count ratio r, folded back onto the unscaled features: coef = w * r; "svm" (C 1,
    one-vs-rest liblinear); "lr" (C 10) — multinomial logistic regression, lbfgs; "cnb" (alpha 0.05) — complement
    naive Bayes, linear in x; "sgd" (alpha 2e-5) — averaged SGD with the modified Huber loss. All with balanced class
    weights (but complement NB, which has none) and fixed seeds."""
    if name.startswith("ridge"):
        m = RidgeClassifier(alpha=float(name[5:] or 1.0), class_weight="balanced", solver="sparse_cg").fit(x, y)
        assert list(m.classes_) == classes
        return m.coef_, m.intercept_
    if name.startswith("nbsvm"):
        coef, intercept = [], []
        for label in classes:
            positive = y == label
            ratio = nb_ratio(x, positive)
            svm = LinearSVC(C=float(name[5:] or 1.0), class_weight="balanced", random_state=0, max_iter=5000).fit(x @ sp.diags(ratio), positive)
            coef.append(svm.coef_[0] * ratio)
            intercept.append(svm.intercept_[0])
        return np.array(coef), np.array(intercept)
    if name.startswith("svm"):
        m = LinearSVC(C=float(name[3:] or 1.0), class_weight="balanced", random_state=0, max_iter=5000).fit(x, y)
        assert list(m.classes_) == classes
        return m.coef_, m.intercept_
    if name.startswith("cnb"):
        # Complement naive Bayes (Rennie et al. 2003): its joint log-likelihood is x · feature_log_prob (no prior),
        # centred over the classes (a per-row constant, the same argmax) so that its spread across classes is what
        # fit_linear's standard deviation measures, not the row's overall level.
        m = ComplementNB(alpha=float(name[3:] or 0.05)).fit(x, y)
        assert list(m.classes_) == classes
        return m.feature_log_prob_ - m.feature_log_prob_.mean(axis=0), np.zeros(len(classes))
    if name.startswith("sgd"):
        # Averaged SGD, modified Huber loss, one-vs-rest (alpha 2e-5, 50 epochs, seed 0).
        m = SGDClassifier(loss="modified_huber", alpha=float(name[3:] or 2e-5), average=True, class_weight="balanced", random_state=0, max_iter=50, tol=None).fit(x, y)
        assert list(m.classes_) == classes
        return m.coef_, m.intercept_
    if name.startswith("lr"):
        m = LogisticRegression(C=float(name[2:] or 10.0), class_weight="balanced", solver="lbfgs", max_iter=2000).fit(x, y)
        assert list(m.classes_) == classes
        return m.coef_, m.intercept_
    raise ValueError(f"unknown learner {name}")


def fit_linear(x, y, learners=LEARNERS):
    """(classes, coef, intercept): the sum of linear learners on the same TF-IDF features (`fit_learner`), each divided
    by the standard deviation of its decision values on the training rows so that all weigh alike ("name*2": twice
    that). Still one linear model: decision = coef · x + intercept."""
    y = np.asarray(y)
    classes = sorted(set(y.tolist()))
    coef, intercept = None, None
    for learner in learners:
        name, _, weight = learner.partition("*")
        w, b = fit_learner(name, x, y, classes)
        scale = float(np.std(x @ w.T + b)) / float(weight or 1.0)
        coef = w / scale if coef is None else coef + w / scale
        intercept = b / scale if intercept is None else intercept + b / scale
    return classes, coef, intercept


def noisy_rows(x, y, classes, margin):
    """Rows whose label the data itself contradicts: a ridge classifier fitted by 5-fold cross-validation on the rows
    (stratified, shuffled, seed 0) scores each row when it was held out; a row is noisy when its labelled class's
    standardised decision is more than `margin` below the best class's. A boolean mask over the rows."""
    y = np.asarray(y)
    decision = np.zeros((x.shape[0], len(classes)))
    for fit_idx, test_idx in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(len(y)), y):
        w, b = fit_learner("ridge", x[fit_idx], y[fit_idx], classes)
        decision[test_idx] = (x[test_idx] @ w.T + b) / float(np.std(x[fit_idx] @ w.T + b))
    labelled = decision[np.arange(len(y)), [classes.index(label) for label in y]]
    return decision.max(axis=1) - labelled > margin


def in_validation(row):
    return int(hashlib.sha1(joined(row).encode("utf-8")).hexdigest(), 16) % 5 == 0


def f32(values):
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def default_data():
    """TEDDY_DATA, else the shared folder beside the repository (../shared/data/teddy) or at /work/shared."""
    candidates = [os.environ.get("TEDDY_DATA"), "../shared/data/teddy/train.jsonl", "/work/shared/data/teddy/train.jsonl"]
    return next((c for c in candidates if c and os.path.exists(c)), "../shared/data/teddy/train.jsonl")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=default_data())
    parser.add_argument("--out", default="models/category/model.json")
    parser.add_argument("--check", action="store_true", help="fail unless the written model equals the committed one")
    args = parser.parse_args()

    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    train = [r for r in rows if not in_validation(r)]
    val = [r for r in rows if in_validation(r)]
    complete = [i for i, r in enumerate(val) if r.get("subject") and r.get("body")]

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM, sublinear_tf=True, min_df=MIN_DF, dtype=np.float64)
    x_train = vectorizer.fit_transform([model_text(r) for r in train])
    x_val = vectorizer.transform([model_text(r) for r in val])
    y_train = [r["label1"] for r in train]
    y_val = [r["label1"] for r in val]

    dropped = 0
    if DROP_MARGIN is not None:
        keep = ~noisy_rows(x_train, y_train, sorted(set(y_train)), DROP_MARGIN)
        dropped = int((~keep).sum())
        x_train, y_train = x_train[keep], [y for y, k in zip(y_train, keep) if k]
    classes, fitted_coef, fitted_intercept = fit_linear(x_train, y_train)

    # The exported weights are float32: score validation with exactly what the Node service will compute.
    coef = np.asarray(fitted_coef, dtype="<f4").astype(np.float64)
    intercept = np.asarray(fitted_intercept, dtype="<f4").astype(np.float64)
    decision = x_val @ coef.T + intercept
    for field, weight in VIEWS.items():
        x_view = vectorizer.transform([model_text({field: r.get(field)}) for r in val])
        decision = decision + weight * (x_view @ coef.T + intercept)
    predicted = [classes[i] for i in decision.argmax(axis=1)]

    truth = np.array([classes.index(y) for y in y_val])
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.5, 20.01, 0.25):
        p = softmax(decision * t)
        nll = -np.mean(np.log(p[np.arange(len(truth)), truth] + 1e-12))
        if nll < best_nll - 1e-12:
            best_t, best_nll = float(t), float(nll)

    macro = f1_score(y_val, predicted, average="macro")
    macro_complete = f1_score([y_val[i] for i in complete], [predicted[i] for i in complete], average="macro")
    per_class = f1_score(y_val, predicted, average=None, labels=classes)
    matrix = confusion_matrix(y_val, predicted, labels=classes)

    print(f"train {len(train)} rows ({dropped} left out as noisy), validation {len(val)} rows ({len(complete)} complete messages), {x_train.shape[1]} features")
    print(f"macro-F1 validation {macro:.4f}; complete messages {macro_complete:.4f}; temperature {best_t}")
    for name, f in zip(classes, per_class):
        print(f"  F1 {name}\t{f:.4f}")
    print("confusion matrix (rows = truth, columns = predicted):\t" + "\t".join(classes))
    for name, line in zip(classes, matrix):
        print(f"  {name}\t" + "\t".join(str(int(v)) for v in line))

    vocabulary = [None] * len(vectorizer.vocabulary_)
    for gram, index in vectorizer.vocabulary_.items():
        vocabulary[index] = gram
    model = {
        "kind": "sunshine.linear-text-classifier",
        "version": "teddy-7-char12-s4-views-ridge-nbsvm-4",
        "source": "Teddy Cup 2020 智慧政务 train.jsonl (13,120 rows); validation split sha1 mod 5 == 0",
        "analyzer": {"ngramMin": NGRAM[0], "ngramMax": NGRAM[1], "lowercase": True, "subjectRepeat": SUBJECT_REPEAT, "sublinearTf": True, "views": VIEWS},
        "classes": classes,
        "temperature": best_t,
        "validation": {
            "rows": len(val),
            "completeMessages": len(complete),
            "macroF1": round(float(macro), 4),
            "macroF1Complete": round(float(macro_complete), 4),
            "perClassF1": {name: round(float(f), 4) for name, f in zip(classes, per_class)},
            "confusion": [[int(v) for v in line] for line in matrix],
        },
        "vocabulary": vocabulary,
        "idf": f32(vectorizer.idf_),
        "coef": f32(fitted_coef),
        "intercept": f32(fitted_intercept),
    }
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        committed = open(args.out, encoding="utf-8").read()
        if committed != text:
            print(f"{args.out} differs from what training produces", file=sys.stderr)
            sys.exit(1)
        print(f"{args.out} reproduced bit for bit")
        return
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
