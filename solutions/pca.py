"""Reference implementation of lesson 05, principal component analysis.

Goal: find the orthogonal directions of largest variance of a data set from the
eigendecomposition of its covariance matrix, project onto the first k of them and
back, choose k from the explained variance, and measure what the projection loses.

Legend: N samples, D features, k components kept.

Reference: scikit-learn's PCA(svd_solver="full"), which takes the SVD of the
centred data instead of the eigendecomposition of the covariance; both give the
same components up to sign, and the sign is fixed here as in sklearn's svd_flip:
the largest-magnitude entry of each component is positive.
Simplified: no whitening, no randomized or incremental solvers; the covariance
matrix is formed explicitly, which squares the condition number (fine for D of a
few hundred and well-scaled data).
"""

import numpy as np


def covariance_matrix(X):
    """Sample covariance matrix of the columns of X.

    Centred with the column means, divided by N − 1 (as np.cov(X, rowvar=False)).

    Shapes
    ------
    X : (N, D) float64, N ≥ 2; rows are samples
    returns : (D, D) float64, symmetric; (1, 1) when D = 1 (where np.cov
        returns a 0-d array)
    """
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)  # (N, D)
    return Xc.T @ Xc / (X.shape[0] - 1)  # (D, D)


def pca_fit(X, n_components):
    """Principal components of X from the eigendecomposition of its covariance.

    Components are the unit eigenvectors of covariance_matrix(X) (np.linalg.eigh)
    with the largest eigenvalues, in descending order of eigenvalue, one per row.
    Each component's sign is fixed so that its largest-magnitude entry is
    positive. variance holds their eigenvalues (divided by N − 1); ratio is
    variance divided by the total variance, the sum of all D eigenvalues (the
    trace of the covariance), so it sums to 1 only when n_components = D.

    Parameters
    ----------
    X : data, rows are samples.
    n_components : k, the number of components kept, 1 ≤ k ≤ D.

    Shapes
    ------
    X : (N, D) float64
    returns : (components, variance, ratio, mean)
        components : (k, D), orthonormal rows
        variance : (k,), descending
        ratio : (k,)
        mean : (D,), the column means of X
    """
    X = np.asarray(X, dtype=np.float64)
    mean = X.mean(axis=0)  # (D,)
    C = covariance_matrix(X)  # (D, D)
    eigvals, eigvecs = np.linalg.eigh(C)  # ascending; eigenvectors are columns
    order = np.argsort(eigvals)[::-1][:n_components]  # (k,) largest first
    components = eigvecs[:, order].T  # (k, D)
    pivot = components[np.arange(len(order)), np.abs(components).argmax(axis=1)]
    components = components * np.sign(pivot)[:, None]  # largest |entry| > 0
    variance = eigvals[order]  # (k,)
    ratio = variance / np.trace(C)  # (k,)
    return components, variance, ratio, mean


def pca_transform(X, components, mean):
    """Coordinates of the centred samples along the components.

    Z = (X − mean) Wᵀ with W the components; mean is the training mean that is
    passed in, not the mean of this X.

    Shapes
    ------
    X : (N, D) float64
    components : (k, D), orthonormal rows
    mean : (D,)
    returns : (N, k) float64
    """
    X = np.asarray(X, dtype=np.float64)
    return (X - mean) @ components.T  # (N, k)


def pca_inverse_transform(Z, components, mean):
    """Samples back in feature space from their coordinates: X̂ = Z W + mean.

    Shapes
    ------
    Z : (N, k) float64
    components : (k, D), orthonormal rows
    mean : (D,)
    returns : (N, D) float64
    """
    Z = np.asarray(Z, dtype=np.float64)
    return Z @ components + mean  # (N, D)


def n_components_for_variance(ratio, threshold):
    """The smallest k whose cumulative explained-variance ratio exceeds threshold.

    Strictly: k is the first count with ratio[0] + ... + ratio[k−1] > threshold,
    so a cumulative sum exactly equal to the threshold is not enough (as
    scikit-learn's PCA(n_components=threshold)).

    Parameters
    ----------
    ratio : explained-variance ratios of all D components, descending, summing
        to 1.
    threshold : a fraction in [0, 1) that the cumulative sum reaches.

    Shapes
    ------
    ratio : (D,) float64
    returns : int, 1 ≤ k ≤ D
    """
    cumulative = np.cumsum(ratio)  # (D,)
    return int(np.searchsorted(cumulative, threshold, side="right") + 1)


def reconstruction_error(X, k):
    """Mean squared error of X projected on its first k components and back.

    The components and the mean are fitted on X itself (pca_fit); the error is
    the mean over all N·D entries of (X − X̂)². k = 0 keeps only the mean, so
    X̂ is the mean in every row; k = D reconstructs X (error 0 up to rounding).

    Shapes
    ------
    X : (N, D) float64
    k : int, 0 ≤ k ≤ D
    returns : float
    """
    X = np.asarray(X, dtype=np.float64)
    if k == 0:
        X_hat = np.broadcast_to(X.mean(axis=0), X.shape)  # (N, D)
    else:
        components, _, _, mean = pca_fit(X, k)  # (k, D), (D,)
        Z = pca_transform(X, components, mean)  # (N, k)
        X_hat = pca_inverse_transform(Z, components, mean)  # (N, D)
    return float(np.mean((X - X_hat) ** 2))
