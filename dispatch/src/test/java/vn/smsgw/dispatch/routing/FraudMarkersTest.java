package vn.smsgw.dispatch.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FraudMarkersTest {
    private final FraudMarkers markers = FraudMarkers.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cung cap ma OTP ngay|true",
        "Yêu cầu chuyển khoản gấp|true",
        "gia danh Công an phuong|true",
        "giay trieu tap Tòa án|true",
        "xac nhan mã định danh cho hoc sinh|true",
        "cai dat Sổ liên lạc điện tử|true",
        "CHUYEN TIEN vao tai khoan|true",
        "xem tai bit.ly/abc|true",
        "truy cap www.abc|true",
        "vao trang vnedu-xacthuc.com nhe|true",
        "ma OTP123456 het han|true",
        "nhan qua tai vcb-hotro.icu ngay|true",
        "dang nhap abc.top?id=1|true",
        "xac minh tai vcb.com.vn!|true",
        "truy cap vneid-capnhat.cfd:8080/login|true",
        "vao 103.77.240.5/vcb de nhan tien|true",
        "an lau hotpot ngon|false",
        "otpx khong phai ma|false",
        "hen gap luc 10.30 nhe|false",
        "phien ban 1.2.3 moi|false",
        "v.v. va nhieu thu khac|false",
        "moi mua can ho gia re|false",
        "gia 1.500.000d|false",
        "bao hiem nhan tho|false",
    })
    void matches_content_detectsMarkers(String content, boolean expected) {
        assertEquals(expected, markers.matches(content));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"trung thuong xe may|true", "vay tien nhanh|false"})
    void matches_customPhrases_replaceDefaults(String content, boolean expected) {
        assertEquals(expected, new FraudMarkers(List.of("Trúng thưởng")).matches(content));
    }
}
