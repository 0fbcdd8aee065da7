# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Linear regression
#
# A linear model predicts $\hat y = w_0 + w_1 x_1 + \dots + w_D x_D$.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("02-linear-regression")

# %% [markdown]
# ## 1 · The bias column
#
# Writing $x_0 = 1$ for every sample folds the intercept into the weights:
# $\hat y = X_b w$ with $X_b = [\mathbf 1, X]$.

# %% nbgrader={"grade": false, "grade_id": "add_bias", "locked": false, "schema_version": 3, "solution": true}
def add_bias(X):
    """Prepend a column of ones to X.

    Shapes
    ------
    X : (N, D) float64
    returns : (N, D+1), column 0 all ones
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("add_bias: prepend a column of ones")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_add_bias", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("add_bias", add_bias)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS
