"""scikit-learn baselines for bench/quality.bench.ts: the models a data scientist would reach
for first, fed exactly the splits our classifier sees.

Usage: python sklearn_baseline.py TASKS.json   (prints one JSON object to stdout)

Each task: {"name", "kind": "multiclass" | "reject" | "multilabel" | "aspect", "train": {"texts",
"labels"}, "test": {...}, and for "reject" also "val", "oos_label", "oos_val_texts",
"oos_test_texts"}. "aspect" labels are sets of "category#polarity" pairs, learnt in two stages
exactly as bench/quality/ours.ts does it: the categories of a sentence (one-vs-rest), then the
polarity of each (sentence, category), the category appended to the text as one token.
Features: TF-IDF word 1-2 grams + char_wb 2-5 grams, sublinear tf (two vectorisers, each
L2-normalised, side by side). Models: LinearSVC (defaults, C=1) and LogisticRegression
(C=10: the default C=1 underfits sparse TF-IDF; lbfgs, multinomial).
"""
import json
import re
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC


def features():
    return FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])


MODELS = {
    "TF-IDF + LinearSVC": lambda: LinearSVC(C=1.0),
    "TF-IDF + LogisticRegression": lambda: LogisticRegression(C=10.0, max_iter=2000),
}


def scores_of(model, x):
    """SVM margins, or probabilities for logistic regression (also inside OneVsRestClassifier)."""
    inner = model.estimator if isinstance(model, OneVsRestClassifier) else model
    return model.decision_function(x) if isinstance(inner, LinearSVC) else model.predict_proba(x)


def reject_threshold(best, correct, in_scope):
    """Same rule as calibrateRejectThreshold in src/core/classify/calibrate.ts."""
    order = np.argsort(best, kind="stable")
    gain = np.where(in_scope, np.where(correct, 1, 0), -1)[order]
    s = best[order]
    current = int(np.sum(np.maximum(gain, 0)))
    top, threshold = current, s[0] - 1
    for i in range(len(s)):
        current += 1 if gain[i] == -1 else -gain[i]
        nxt = s[i + 1] if i + 1 < len(s) else s[i] + 1
        if nxt == s[i]:
            continue
        if current > top:
            top, threshold = current, (s[i] + nxt) / 2
    return threshold


def macro_f1(gold, pred, labels):
    f1s = []
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        npred = sum(1 for p in pred if p == c)
        ngold = sum(1 for g in gold if g == c)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return float(np.mean(f1s))


def micro_f1(gold, pred):
    tp = sum(len(set(g) & set(p)) for g, p in zip(gold, pred))
    prec = tp / max(1, sum(len(set(p)) for p in pred))
    rec = tp / max(1, sum(len(set(g)) for g in gold))
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def fit_multilabel(name, make, texts, label_sets):
    """One-vs-rest; returns predict(texts) -> label lists (at least one: the best score)."""
    vec = features()
    binarizer = MultiLabelBinarizer()
    model = OneVsRestClassifier(make()).fit(vec.fit_transform(texts), binarizer.fit_transform(label_sets))
    cut = 0.0 if "SVC" in name else 0.5

    def predict(new_texts):
        out = []
        for row in scores_of(model, vec.transform(new_texts)):
            chosen = [binarizer.classes_[k] for k in np.nonzero(row > cut)[0]]
            out.append(chosen or [binarizer.classes_[int(np.argmax(row))]])
        return out

    return predict


def with_aspect(text, category):
    return text + " " + re.sub(r"\W+", "_", category)


def run_aspect(name, make, task):
    train, test = task["train"], task["test"]
    categories = fit_multilabel(name, make, train["texts"], [sorted({p.split("#")[0] for p in s}) for s in train["labels"]])
    pair_texts, pair_polarities = [], []
    for text, pairs in zip(train["texts"], train["labels"]):
        for pair in pairs:
            category, polarity = pair.split("#")
            pair_texts.append(with_aspect(text, category))
            pair_polarities.append(polarity)
    vec = features()
    polarity = make().fit(vec.fit_transform(pair_texts), pair_polarities)
    found = categories(test["texts"])
    asked = [(i, c) for i, cs in enumerate(found) for c in cs]
    said = polarity.predict(vec.transform([with_aspect(test["texts"][i], c) for i, c in asked]))
    pred = [[] for _ in test["texts"]]
    for (i, c), p in zip(asked, said):
        pred[i].append(c + "#" + p)
    gold_pairs = [(text, pair.split("#")) for text, pairs in zip(test["texts"], test["labels"]) for pair in pairs]
    gold_said = polarity.predict(vec.transform([with_aspect(t, c) for t, (c, _) in gold_pairs]))
    return {
        "microF1": micro_f1(test["labels"], pred),
        "categoryMicroF1": micro_f1([{p.split("#")[0] for p in s} for s in test["labels"]], found),
        "polarityAccuracy": sum(1 for (_, (_, g)), p in zip(gold_pairs, gold_said) if g == p) / len(gold_pairs),
    }


def run_task(task):
    out = {}
    for name, make in MODELS.items():
        started = time.perf_counter()
        if task["kind"] == "aspect":
            out[name] = {**run_aspect(name, make, task), "seconds": time.perf_counter() - started}
            continue
        if task["kind"] == "multilabel":
            predict = fit_multilabel(name, make, task["train"]["texts"], task["train"]["labels"])
            out[name] = {"microF1": micro_f1(task["test"]["labels"], predict(task["test"]["texts"])), "seconds": time.perf_counter() - started}
            continue
        vec = features()
        x_train = vec.fit_transform(task["train"]["texts"])
        model = make().fit(x_train, task["train"]["labels"])
        classes = list(model.classes_)
        gold = task["test"]["labels"]
        result = {}
        if task["kind"] == "reject":
            oos = task["oos_label"]
            keep = np.array([c != oos for c in classes])

            oos_column = classes.index(oos)

            def best_of(texts):
                """Best in-scope label and its margin over the out-of-scope class (ours does the same)."""
                s = scores_of(model, vec.transform(texts))
                masked = np.where(keep, s, -np.inf)
                k = np.argmax(masked, axis=1)
                return [classes[i] for i in k], masked[np.arange(len(k)), k] - s[:, oos_column]

            val_texts = task["val"]["texts"] + task["oos_val_texts"]
            val_gold = task["val"]["labels"] + [None] * len(task["oos_val_texts"])
            labels, margin = best_of(val_texts)
            correct = np.array([l == g for l, g in zip(labels, val_gold)])
            in_scope = np.array([g is not None for g in val_gold])
            threshold = reject_threshold(margin, correct, in_scope)

            def predict(texts):
                labels, margin = best_of(texts)
                return [None if m < threshold else l for l, m in zip(labels, margin)]

            pred = predict(task["test"]["texts"])
            oos_pred = predict(task["oos_test_texts"])
            result["oosRecall"] = sum(1 for p in oos_pred if p is None) / len(oos_pred)
        else:
            pred = list(model.predict(vec.transform(task["test"]["texts"])))
        result["accuracy"] = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
        result["macroF1"] = macro_f1(gold, pred, sorted(set(gold)))
        result["seconds"] = time.perf_counter() - started
        out[name] = result
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        tasks = json.load(f)
    print(json.dumps({t["name"]: run_task(t) for t in tasks}))


if __name__ == "__main__":
    main()
