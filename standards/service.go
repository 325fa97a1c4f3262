package standards

import (
	"context"
	"regexp"
	"time"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// Service keeps the property's departments and service standards. Changes need a
// manager (the actor in the context); every method is one transaction.
type Service interface {
	ListDepartments(ctx context.Context) ([]Department, error)
	SaveDepartment(ctx context.Context, d *Department) error
	ListCategories(ctx context.Context) ([]Category, error)
	SaveCategory(ctx context.Context, c *Category) error
}

// Field names for department and category forms.
const (
	FieldCode       = "code"
	FieldName       = "name"
	FieldContact    = "contact"
	FieldHours      = "hours"
	FieldDepartment = "department"
	FieldPromise    = "promise"
	FieldTopTier    = "top_tier_promise"
)

var codePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{1,30}$`)

// MaxPromise bounds a service standard: a promise beyond a day is not a standard.
const MaxPromise = 24 * time.Hour

// CheckCodeAndName checks the code and cleans the name that departments, categories and
// loanable items all carry.
func CheckCodeAndName(fs *errs.Fields, code string, name *string) {
	if !codePattern.MatchString(code) {
		fs.Add(FieldCode, "A code is 2 to 31 lower-case letters, digits or '_', starting with a letter.", nil)
	}
	if textcheck.Into(fs, FieldName, name, 60, false) && *name == "" {
		fs.Add(FieldName, "Enter a name.", nil)
	}
}

// Normalize cleans a department and returns every problem found.
func (d *Department) Normalize() errs.Fields {
	var fs errs.Fields
	CheckCodeAndName(&fs, d.Code, &d.Name)
	textcheck.Into(&fs, FieldContact, &d.OnDutyContact, 60, false)
	h := d.Hours
	if h.Open < 0 || h.Open > 1440 || h.Close < 0 || h.Close > 1440 {
		fs.Add(FieldHours, "Service hours run from 00:00 to 24:00.", nil)
	}
	return fs
}

// Normalize cleans a category and returns every problem found.
func (c *Category) Normalize() errs.Fields {
	var fs errs.Fields
	CheckCodeAndName(&fs, c.Code, &c.Name)
	c.normalizeWords(&fs)
	if c.Department == "" {
		fs.Add(FieldDepartment, "Choose the department that serves this category.", nil)
	}
	if c.GuestNamesTime {
		c.Promise, c.TopTierPromise = 0, 0
		return fs
	}
	if c.Promise < time.Minute || c.Promise > MaxPromise {
		fs.Add(FieldPromise, "A promise is between 1 minute and 24 hours.", nil)
	}
	if c.TopTierPromise < 0 || c.TopTierPromise > c.Promise {
		fs.Add(FieldTopTier, "The VIP promise must be no longer than the standard one.", nil)
	}
	return fs
}
