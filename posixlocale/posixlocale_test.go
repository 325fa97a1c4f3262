package posixlocale

import "testing"

func TestTheCLocaleIsReadAsEnglish(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "LANG"},
		{map[string]string{"LANG": "C"}, "LANG"},
		{map[string]string{"LANG": "C.UTF-8"}, "LANG"},
		{map[string]string{"LANG": "id_ID.UTF-8"}, ""},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "id_ID.UTF-8"}, "LC_ALL"},
		{map[string]string{"LC_MESSAGES": "de_DE.UTF-8", "LANG": "C"}, ""},
		{map[string]string{"LC_ALL": "", "LANG": "en_GB.UTF-8"}, ""},
	}
	for _, c := range cases {
		if got := Override(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: override %q, want %q", c.env, got, c.want)
		}
	}
}
